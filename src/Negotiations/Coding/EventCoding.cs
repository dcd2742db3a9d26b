namespace Negotiations.Coding;

/// <summary>
/// The mapping of a track's facts to CAMEO codes and PLOVER event types, declared once for every event of the
/// catalog (<see cref="NegotiationEvents.Catalog"/>): <see cref="Rules"/> says in words what each event becomes, and
/// <see cref="Code"/> applies it to a track's state.
/// </summary>
/// <remarks>
/// <para><b>Sources.</b> The codes and their PLOVER readings follow the PLOVER project's CAMEO-to-PLOVER table
/// (CAMEO2PLOVER-2021.txt, PLOVER manual Draft 0.8, 17 September 2021, by the Open Event Data Alliance, CC BY-SA
/// 4.0): every code used here is in that table with the event type, mode and contexts given here.</para>
/// <para><b>What wins.</b> A fact takes the most specific code its content supports: a demand on a meeting is
/// <c>106</c>, not the general <c>100</c>; an ultimatum that names sanctions is <c>1312</c> (THREATEN
/// <c>restrict</c>), not <c>139</c> "Give ultimatum", because CAMEO codes a threat by what is threatened and the
/// ultimatum's deadline is kept in the record's own fields. The first agenda item (in the order the fact lists
/// them) with a specific code decides.</para>
/// <para><b>Left out.</b> The table has no 01x (public statement) or 02x (appeal) codes, and PLOVER codes no plain
/// commentary, so the opening of a track, a participant joining, a postponed or cancelled round, a withdrawn
/// ultimatum, a countered answer (its counter-proposal is coded) and assessments are not coded: exports count them
/// by event type (<see cref="CodingSummary.NotCodedByEventType"/>). Retractions are never exported, and the facts
/// they retract are left out, as in every view.</para>
/// <para><b>REQUEST or DEMAND.</b> PLOVER's older reference names the 10x family DEMAND; the 2021 table names it
/// REQUEST, with the modes <c>assist</c>, <c>change</c>, <c>yield</c> and <c>meet</c>. This mapping follows the
/// 2021 table.</para>
/// </remarks>
public static class EventCoding
{
    /// <summary>The codebook every code follows.</summary>
    public const string Codebook = "PLOVER Draft 0.8, 2021-09-17";

    /// <summary>What each event of the catalog becomes, by wire name: a code, a rule choosing one, or "not coded".</summary>
    public static IReadOnlyDictionary<string, string> Rules { get; } = new Dictionary<string, string>
    {
        ["negotiation_opened.v1"] = "not coded: the opening of a track records who takes part, not an event of the talks",
        ["participant_joined.v1"] = "not coded: joining records who takes part",
        ["round_proposed.v1"] = "036 Express intent to meet or negotiate (AGREE, diplomatic)",
        ["round_scheduled.v1"] = "036 Express intent to meet or negotiate (AGREE, diplomatic)",
        ["round_postponed.v1"] = "not coded: CAMEO has no code for moving a meeting",
        ["round_cancelled.v1"] = "not coded: calling off one round is not halting negotiations (164)",
        ["round_held.v1"] = "046 Engage in negotiation (CONSULT, diplomatic); 044 Meet at a 'third' location (CONSULT, third-party) when the venue's country is none of the delegations' (or, without delegations, none of the parties')",
        ["proposal_made.v1"] = "a proposal or an offer: an intent to cooperate, 03x by its first agenda item with a code (036 a meeting, 037 a settlement or territory, 0353 prisoners, 0356 a ceasefire, 0354 sanctions, 0333 humanitarian corridors, 0334 security guarantees, 0332 arms, 0342 alliance membership), else 030; a demand: REQUEST, 10x by its first agenda item with a code (106 a meeting, 107 a settlement, 105 territory, 1053 prisoners, 1056 a ceasefire, 1054 sanctions, 1033 humanitarian corridors, 1034 security guarantees, 1032 arms, 1042 alliance membership), else 100",
        ["proposal_answered.v1"] = "rejected: REJECT, 12x by the proposal's first agenda item with a code (125 a meeting, 127 a settlement, 124 territory, 1243 prisoners, 1246 a ceasefire, 1244 sanctions, 1223 humanitarian corridors, 1224 security guarantees, 1222 arms, 1232 alliance membership), else 120; accepted, with or without conditions: the intent (03x) of the proposal's subject, as for a proposal; countered: not coded (the counter-proposal is)",
        ["exchange_agreed.v1"] = "0353 Express intent to release persons or property (AGREE, rights_freedoms); 057 Sign formal agreement needs a signature the event does not record",
        ["exchange_carried_out.v1"] = "0841 Return, release person(s) (RETREAT, release, legal)",
        ["ultimatum_issued.v1"] = "13x by the consequence it names (1312 sanctions, tariffs, an embargo or a boycott: THREATEN, restrict, economic; 1381 a blockade; 138 military force or attack; 134 halting the talks; 1313 breaking relations; 1311 stopping aid), else 139 Give ultimatum (THREATEN, relations, diplomatic)",
        ["ultimatum_revised.v1"] = "as the ultimatum, by the revised consequence if it names one, else by the ultimatum's",
        ["ultimatum_withdrawn.v1"] = "not coded: CAMEO has no code for lifting a threat",
        ["statement_made.v1"] = "by kind: readiness, an intent to meet (036, or the 03x of its first agenda item with a code); commitment, an intent to cooperate (030, or the 03x of its agenda); doubt, 110 Disapprove (ACCUSE, disapprove), 111 Criticize or denounce when hostile; warning, 130 Threaten, 1312 on sanctions; pressure, 1312 on sanctions, 072 Provide military aid (AID, military) on arms supplies, else 130; assessment and other: not coded (PLOVER codes no plain commentary)",
        ["fact_retracted.v1"] = "never exported: a retraction corrects the record, and the facts it retracts are left out",
    };

    /// <summary>Codes the facts of one track, as the state shows them (retractions applied, as of its day).</summary>
    /// <param name="state">The track's state, from <see cref="NegotiationStateProjection"/>.</param>
    /// <param name="notCoded">Receives, by event type, the facts that have no code; null to not count them.</param>
    /// <returns>The coded facts, in the order the track recorded them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public static IReadOnlyList<CodedFact> Code(NegotiationState state, IDictionary<string, int>? notCoded = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new TrackCoder(state, notCoded).Code();
    }
}
