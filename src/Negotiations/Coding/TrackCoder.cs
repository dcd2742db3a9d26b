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
    // Per agenda item, its code as an intent (03x), a request (10x) and a rejection (12x); the first agenda item of a
    // fact with a code decides.
    private static readonly Dictionary<string, Subject> Subjects = new(StringComparer.Ordinal)
    {
        [AgendaItems.LeadersMeeting] = new("036", "106", "125"),
        [AgendaItems.PeaceSettlement] = new("037", "107", "127"),
        [AgendaItems.Territory] = new("037", "105", "124"),
        [AgendaItems.Prisoners] = new("0353", "1053", "1243"),
        [AgendaItems.Ceasefire] = new("0356", "1056", "1246"),
        [AgendaItems.Sanctions] = new("0354", "1054", "1244"),
        [AgendaItems.HumanitarianCorridors] = new("0333", "1033", "1223"),
        [AgendaItems.SecurityGuarantees] = new("0334", "1034", "1224"),
        [AgendaItems.ArmsSupplies] = new("0332", "1032", "1222"),
        [AgendaItems.AllianceMembership] = new("0342", "1042", "1232"),
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

    // The sides of the track's parties, which the facts without an addressee of their own are directed at.
    private readonly List<Affiliation> _parties =
        [.. state.Participants.Where(p => p.Role == ParticipantRole.Party).Select(p => p.Actor.Affiliation).Distinct()];

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
            Func<Subject, string> family = proposal.Kind == ProposalKind.Demand ? s => s.Request : s => s.Intent;
            Add("proposal_made.v1", proposal, proposal.OccurredOn, proposal.Source, Acting(proposal.By), Sides(proposal.AddressedTo, proposal.By.Affiliation),
                ByAgenda(proposal.Agenda, family, proposal.Kind == ProposalKind.Demand ? "100" : "030"));
            foreach (var answer in proposal.Answers)
            {
                var code = answer.Answer switch
                {
                    AnswerKind.Rejected => ByAgenda(proposal.Agenda, s => s.Rejection, "120"),
                    AnswerKind.Accepted or AnswerKind.AcceptedWithConditions => ByAgenda(proposal.Agenda, s => s.Intent, "030"),
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
                var sides = step.Delegations.Count > 0 ? [.. step.Delegations.Select(d => d.Side).Distinct()] : _parties;
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
        StatementKind.Readiness => ByAgenda(statement.Agenda, s => s.Intent, "036"),
        StatementKind.Commitment => ByAgenda(statement.Agenda, s => s.Intent, "030"),
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

    private static EventCode ByAgenda(IReadOnlyList<string> agenda, Func<Subject, string> family, string general) =>
        CameoCodes.Get(agenda.Select(item => Subjects.TryGetValue(item, out var subject) ? family(subject) : null).FirstOrDefault(code => code is not null) ?? general);

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

    private CodedActor[] OtherParties(Affiliation of) => [.. _parties.Where(p => p != of).Select(Side)];

    private static CodedActor[] Sides(IReadOnlyList<Affiliation> addressees, Affiliation of) =>
        [.. addressees.Where(a => a != of).Distinct().Select(Side)];

    private static (CodedActor First, CodedActor[] Others) Split(IReadOnlyList<Affiliation> sides) =>
        sides.Count == 0 ? (new CodedActor(), []) : (Side(sides[0]), [.. sides.Skip(1).Distinct().Where(s => s != sides[0]).Select(Side)]);

    private static CodedActor Acting(Actor actor) => Side(actor.Affiliation) with { Code = actor.Code.Value, Name = actor.Name };

    private static CodedActor Side(Affiliation side) =>
        Countries.IsCountry(side.Code) ? new CodedActor { Country = side.Code } : new CodedActor { Org = side.Code };

    private sealed record Subject(string Intent, string Request, string Rejection);
}
