using System.Text.RegularExpressions;

namespace Negotiations.Coding;

/// <summary>The CAMEO codes this library emits, each with its PLOVER reading from the 2021 table.</summary>
internal static class CameoCodes
{
    private static readonly Dictionary<string, EventCode> ByCode = new EventCode[]
    {
        Of("030", "AGREE", "", "Express intent to cooperate", "diplomatic"),
        Of("0332", "AGREE", "", "Express intent to provide military aid", "military"),
        Of("0333", "AGREE", "", "Express intent to provide humanitarian aid", "humanitarian"),
        Of("0334", "AGREE", "", "Express intent to provide military protection or peacekeeping", "peacekeeping"),
        Of("0342", "AGREE", "", "Express intent to change policy", "executive"),
        Of("0353", "AGREE", "", "Express intent to release persons or property", "rights_freedoms"),
        Of("0354", "AGREE", "", "Express intent to ease economic sanctions, boycott, embargo", "economic"),
        Of("0356", "AGREE", "", "Express intent to de-escalate military engagement", "military"),
        Of("036", "AGREE", "", "Express intent to meet or negotiate", "diplomatic"),
        Of("037", "AGREE", "", "Express intent to settle dispute", "diplomatic"),
        Of("044", "CONSULT", "third-party", "Meet at a 'third' location"),
        Of("046", "CONSULT", "", "Engage in negotiation", "diplomatic"),
        Of("072", "AID", "", "Provide military aid", "military"),
        Of("0841", "RETREAT", "release", "Return, release person(s)", "legal"),
        Of("100", "REQUEST", "", "REQUEST"),
        Of("1032", "REQUEST", "assist", "Demand military aid", "military"),
        Of("1033", "REQUEST", "assist", "Demand humanitarian aid", "humanitarian"),
        Of("1034", "REQUEST", "assist", "Demand military protection or peacekeeping", "peacekeeping"),
        Of("1042", "REQUEST", "change", "Demand policy change", "executive"),
        Of("105", "REQUEST", "change", "Demand that target yields", "legal"),
        Of("1053", "REQUEST", "yield", "Demand release of persons or property", "legal"),
        Of("1054", "REQUEST", "yield", "Demand easing of economic sanctions, boycott, or embargo", "economic"),
        Of("1056", "REQUEST", "yield", "Demand de-escalation of military engagement", "military"),
        Of("106", "REQUEST", "meet", "Demand meeting, negotiation", "diplomatic"),
        Of("107", "REQUEST", "meet", "Demand settling of dispute", "diplomatic"),
        Of("110", "ACCUSE", "disapprove", "Disapprove"),
        Of("111", "ACCUSE", "disapprove", "Criticize or denounce"),
        Of("120", "REJECT", "", "Reject"),
        Of("1222", "REJECT", "assist", "Reject demand for military aid", "military"),
        Of("1223", "REJECT", "assist", "Reject demand for humanitarian aid", "humanitarian"),
        Of("1224", "REJECT", "assist", "Reject demand for military protection or peacekeeping", "peacekeeping"),
        Of("1232", "REJECT", "change", "Reject demand for policy change", "executive"),
        Of("124", "REJECT", "change", "Decline to yield"),
        Of("1243", "REJECT", "yield", "Decline to release persons or property", "legal"),
        Of("1244", "REJECT", "yield", "Decline to ease economic sanctions, boycott, or embargo", "economic"),
        Of("1246", "REJECT", "yield", "Decline to de-escalate military engagement", "military"),
        Of("125", "REJECT", "meet", "Reject proposal to meet, discuss, negotiate", "diplomatic"),
        Of("127", "REJECT", "meet", "Reject plan, agreement to settle dispute", "diplomatic"),
        Of("130", "THREATEN", "", "Threaten"),
        Of("1311", "THREATEN", "relations", "Threaten to reduce or stop aid"),
        Of("1312", "THREATEN", "restrict", "Threaten to boycott, embargo, or sanction", "economic"),
        Of("1313", "THREATEN", "relations", "Threaten to reduce or break relations", "diplomatic"),
        Of("134", "THREATEN", "relations", "Threaten to halt negotiations", "diplomatic"),
        Of("138", "THREATEN", "violence", "Threaten with military force", "military"),
        Of("1381", "THREATEN", "restrict", "Threaten blockade", "military"),
        Of("139", "THREATEN", "relations", "Give ultimatum", "diplomatic"),
    }.ToDictionary(c => c.Cameo, StringComparer.Ordinal);

    /// <summary>Every code the mapping can emit.</summary>
    public static IReadOnlyCollection<EventCode> All => ByCode.Values;

    public static EventCode Get(string cameo) => ByCode[cameo];

    private static EventCode Of(string cameo, string plover, string mode, string meaning, params string[] contexts) =>
        new() { Cameo = cameo, Event = plover, Mode = mode, Meaning = meaning, Contexts = contexts };
}

/// <summary>Applies <see cref="EventCoding.Rules"/> to the facts of one track's state.</summary>
internal sealed class TrackCoder(NegotiationState state, IDictionary<string, int>? notCoded)
{
    // Agenda item -> code, per family; the first agenda item with a code decides.
    private static readonly Dictionary<string, string> Intent = new(StringComparer.Ordinal)
    {
        [AgendaItems.LeadersMeeting] = "036",
        [AgendaItems.PeaceSettlement] = "037",
        [AgendaItems.Territory] = "037",
        [AgendaItems.Prisoners] = "0353",
        [AgendaItems.Ceasefire] = "0356",
        [AgendaItems.Sanctions] = "0354",
        [AgendaItems.HumanitarianCorridors] = "0333",
        [AgendaItems.SecurityGuarantees] = "0334",
        [AgendaItems.ArmsSupplies] = "0332",
        [AgendaItems.AllianceMembership] = "0342",
    };

    private static readonly Dictionary<string, string> Request = new(StringComparer.Ordinal)
    {
        [AgendaItems.LeadersMeeting] = "106",
        [AgendaItems.PeaceSettlement] = "107",
        [AgendaItems.Territory] = "105",
        [AgendaItems.Prisoners] = "1053",
        [AgendaItems.Ceasefire] = "1056",
        [AgendaItems.Sanctions] = "1054",
        [AgendaItems.HumanitarianCorridors] = "1033",
        [AgendaItems.SecurityGuarantees] = "1034",
        [AgendaItems.ArmsSupplies] = "1032",
        [AgendaItems.AllianceMembership] = "1042",
    };

    private static readonly Dictionary<string, string> Rejection = new(StringComparer.Ordinal)
    {
        [AgendaItems.LeadersMeeting] = "125",
        [AgendaItems.PeaceSettlement] = "127",
        [AgendaItems.Territory] = "124",
        [AgendaItems.Prisoners] = "1243",
        [AgendaItems.Ceasefire] = "1246",
        [AgendaItems.Sanctions] = "1244",
        [AgendaItems.HumanitarianCorridors] = "1223",
        [AgendaItems.SecurityGuarantees] = "1224",
        [AgendaItems.ArmsSupplies] = "1222",
        [AgendaItems.AllianceMembership] = "1232",
    };

    // What an ultimatum threatens, by the words of its consequence (whole words, any case), most specific first.
    private static readonly (string Code, Regex Words)[] Consequences =
    [
        ("1381", Words(@"blockades?")),
        ("1312", Words(@"sanctions?|sanctioned|tariffs?|embargo(es)?|boycotts?")),
        ("138", Words(@"military|attacks?|strikes?|force|offensive|invasion|war")),
        ("134", Words(@"(halt|end|break off|walk away from|stop) (the )?(talks|negotiations)")),
        ("1313", Words(@"relations")),
        ("1311", Words(@"aid|assistance")),
    ];

    private readonly List<CodedFact> _facts = [];

    public IReadOnlyList<CodedFact> Code()
    {
        if (state.Opening is not null)
        {
            Skip("negotiation_opened.v1");
        }

        // The participants named at the opening share its sequence; the others joined later.
        foreach (var participant in state.Participants.Where(p => p.Sequence != state.Opening?.Sequence))
        {
            Skip("participant_joined.v1");
        }

        foreach (var round in state.Rounds)
        {
            foreach (var step in round.Steps)
            {
                CodeRoundStep(step);
            }
        }

        foreach (var proposal in state.Proposals)
        {
            var family = proposal.Kind == ProposalKind.Demand ? Request : Intent;
            Add("proposal_made.v1", proposal, proposal.OccurredOn, proposal.Source, Acting(proposal.By), Sides(proposal.AddressedTo, proposal.By.Affiliation),
                ByAgenda(proposal.Agenda, family, proposal.Kind == ProposalKind.Demand ? "100" : "030"));
            foreach (var answer in proposal.Answers)
            {
                var code = answer.Answer switch
                {
                    AnswerKind.Rejected => ByAgenda(proposal.Agenda, Rejection, "120"),
                    AnswerKind.Accepted or AnswerKind.AcceptedWithConditions => ByAgenda(proposal.Agenda, Intent, "030"),
                    _ => null,
                };
                Add("proposal_answered.v1", answer, answer.OccurredOn, answer.Source, Acting(answer.By), [Side(proposal.By.Affiliation)], code);
            }
        }

        foreach (var exchange in state.Exchanges)
        {
            var (first, others) = Split(exchange.Between);
            Add("exchange_agreed.v1", exchange, exchange.OccurredOn, exchange.Source, first, others, CameoCodes.Get("0353"));
            foreach (var stage in exchange.Stages)
            {
                Add("exchange_carried_out.v1", stage, stage.OccurredOn, stage.Source, first, others, CameoCodes.Get("0841"));
            }
        }

        foreach (var ultimatum in state.Ultimatums)
        {
            var target = Side(ultimatum.Target);
            Add("ultimatum_issued.v1", ultimatum, ultimatum.IssuedOn, ultimatum.Source, Acting(ultimatum.Issuer), [target], Threat(ultimatum.IssuedConsequence));
            foreach (var revision in ultimatum.Revisions)
            {
                Add("ultimatum_revised.v1", revision, revision.OccurredOn, revision.Source, Acting(ultimatum.Issuer), [target], Threat(revision.Consequence ?? ultimatum.IssuedConsequence));
            }

            if (ultimatum.Withdrawal is not null)
            {
                Skip("ultimatum_withdrawn.v1");
            }
        }

        foreach (var statement in state.Statements)
        {
            Add("statement_made.v1", statement, statement.OccurredOn, statement.Source, Acting(statement.By), [], Statement(statement));
        }

        return [.. _facts.OrderBy(f => f.Sequence)];
    }

    private void CodeRoundStep(RoundStep step)
    {
        switch (step.Status)
        {
            case RoundStatus.Proposed:
                Add("round_proposed.v1", step, step.OccurredOn, step.Source, Acting(step.By!), OtherParties(step.By!.Affiliation), CameoCodes.Get("036"));
                break;
            case RoundStatus.Scheduled:
                Add("round_scheduled.v1", step, step.OccurredOn, step.Source, Acting(step.By!), OtherParties(step.By!.Affiliation), CameoCodes.Get("036"));
                break;
            case RoundStatus.Held:
                var sides = step.Delegations.Count > 0 ? [.. step.Delegations.Select(d => d.Side).Distinct()] : Parties();
                var (first, others) = Split(sides);
                var thirdLocation = step.Venue is { } venue && sides.Count > 0 && !sides.Contains(venue.Country);
                Add("round_held.v1", step, step.OccurredOn, step.Source, first, others, CameoCodes.Get(thirdLocation ? "044" : "046"));
                break;
            case RoundStatus.Postponed:
                Skip("round_postponed.v1");
                break;
            default:
                Skip("round_cancelled.v1");
                break;
        }
    }

    private static EventCode? Statement(StatementView statement) => statement.Kind switch
    {
        StatementKind.Readiness => ByAgenda(statement.Agenda, Intent, "036"),
        StatementKind.Commitment => ByAgenda(statement.Agenda, Intent, "030"),
        StatementKind.Doubt => CameoCodes.Get(statement.Tone == Tone.Hostile ? "111" : "110"),
        StatementKind.Warning => CameoCodes.Get(statement.Agenda.Contains(AgendaItems.Sanctions) ? "1312" : "130"),
        StatementKind.Pressure => CameoCodes.Get(statement.Agenda.Contains(AgendaItems.Sanctions) ? "1312" : statement.Agenda.Contains(AgendaItems.ArmsSupplies) ? "072" : "130"),
        _ => null,
    };

    private static EventCode Threat(string consequence)
    {
        foreach (var (code, words) in Consequences)
        {
            if (words.IsMatch(consequence))
            {
                return CameoCodes.Get(code);
            }
        }

        return CameoCodes.Get("139");
    }

    private static Regex Words(string pattern) =>
        new($@"\b({pattern})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static EventCode ByAgenda(IReadOnlyList<string> agenda, Dictionary<string, string> family, string general) =>
        CameoCodes.Get(agenda.Select(item => family.GetValueOrDefault(item)).FirstOrDefault(code => code is not null) ?? general);

    private void Add(string eventType, IFact fact, WorldDate occurredOn, Source? source, CodedActor from, IReadOnlyList<CodedActor> to, EventCode? code)
    {
        if (code is null)
        {
            Skip(eventType);
            return;
        }

        _facts.Add(new CodedFact
        {
            Id = $"{state.Id}:{fact.Sequence}",
            Track = state.Id,
            EventType = eventType,
            Sequence = fact.Sequence,
            EventDate = occurredOn,
            RecordDate = source?.ReportedOn,
            Source = from,
            Targets = to,
            Code = code,
            DocumentId = source?.DocumentId,
            Quote = source?.Quote,
        });
    }

    private void Skip(string eventType)
    {
        if (notCoded is not null)
        {
            notCoded[eventType] = notCoded.TryGetValue(eventType, out var count) ? count + 1 : 1;
        }
    }

    private List<Affiliation> Parties() =>
        [.. state.Participants.Where(p => p.Role == ParticipantRole.Party).Select(p => p.Actor.Affiliation).Distinct()];

    private CodedActor[] OtherParties(Affiliation of) => [.. Parties().Where(p => p != of).Select(Side)];

    private static CodedActor[] Sides(IReadOnlyList<Affiliation> addressees, Affiliation of) =>
        [.. addressees.Where(a => a != of).Distinct().Select(Side)];

    private static (CodedActor First, CodedActor[] Others) Split(IReadOnlyList<Affiliation> sides) =>
        sides.Count == 0 ? (new CodedActor(), []) : (Side(sides[0]), [.. sides.Skip(1).Distinct().Where(s => s != sides[0]).Select(Side)]);

    private static CodedActor Acting(Actor actor) => Side(actor.Affiliation) with { Code = actor.Code.Value, Name = actor.Name };

    private static CodedActor Side(Affiliation side) =>
        Countries.IsCountry(side.Code) ? new CodedActor { Country = side.Code } : new CodedActor { Org = side.Code };
}
