using System.Text.RegularExpressions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations;

/// <summary>
/// What a well-formed negotiation command is, member by member, in one place: which members are required, which enum
/// values are defined, the text rules and lengths of <see cref="NegotiationLimits"/>, list and count ranges, and that
/// a source was not reported before the fact it reports could have begun. <see cref="NegotiationDecider.Validate"/>
/// asks it; the track's rules come after.
/// </summary>
internal static partial class CommandRules
{
    /// <summary>The first rule the command breaks, or null.</summary>
    public static DomainError? Check(NegotiationCommand command)
    {
        var check = new Walk();
        check.Id(command.Track.Value, nameof(command.Track));
        check.Id(command.CommandId.Value, nameof(command.CommandId));
        switch (command)
        {
            case OpenNegotiation c:
                check.Name(c.Title, nameof(c.Title), NegotiationErrors.TrackTitleEmpty);
                check.List(c.Participants, nameof(c.Participants), check.Participant);
                check.Fact(c.OccurredOn, c.Source);
                break;
            case AddParticipant c:
                check.Participant(c.Participant, nameof(c.Participant));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case ProposeRound c:
                check.Id(c.Round.Value, nameof(c.Round));
                check.Actor(c.ProposedBy, nameof(c.ProposedBy));
                check.Agenda(c.Agenda, nameof(c.Agenda));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case ScheduleRound c:
                check.Id(c.Round.Value, nameof(c.Round));
                check.Required(c.Date, nameof(c.Date));
                check.Venue(c.Venue, nameof(c.Venue));
                check.Actor(c.AnnouncedBy, nameof(c.AnnouncedBy));
                check.OptionalActor(c.ReportedBy, nameof(c.ReportedBy));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case PostponeRound c:
                check.Id(c.Round.Value, nameof(c.Round));
                check.OptionalText(c.Reason, nameof(c.Reason));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case CancelRound c:
                check.Id(c.Round.Value, nameof(c.Round));
                check.OptionalText(c.Reason, nameof(c.Reason));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case RecordRoundHeld c:
                check.Id(c.Round.Value, nameof(c.Round));
                check.Venue(c.Venue, nameof(c.Venue));
                check.List(c.Delegations, nameof(c.Delegations), check.Delegation);
                check.Agenda(c.Topics, nameof(c.Topics));
                check.Defined(c.Outcome, nameof(c.Outcome));
                check.OptionalText(c.Summary, nameof(c.Summary));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case MakeProposal c:
                check.Id(c.Proposal.Value, nameof(c.Proposal));
                check.Defined(c.Kind, nameof(c.Kind));
                check.Actor(c.By, nameof(c.By));
                check.List(c.AddressedTo, nameof(c.AddressedTo), check.Side);
                check.Agenda(c.Agenda, nameof(c.Agenda));
                check.Text(c.Terms, nameof(c.Terms), NegotiationErrors.ProposalTermsEmpty);
                check.Fact(c.OccurredOn, c.Source);
                break;
            case AnswerProposal c:
                check.Id(c.Proposal.Value, nameof(c.Proposal));
                check.Actor(c.By, nameof(c.By));
                check.Defined(c.Answer, nameof(c.Answer));
                check.OptionalText(c.Conditions, nameof(c.Conditions));
                if (c.CounteredBy is { } counter)
                {
                    check.Id(counter.Value, nameof(c.CounteredBy));
                }

                check.Fact(c.OccurredOn, c.Source);
                break;
            case AgreeExchange c:
                check.Id(c.Exchange.Value, nameof(c.Exchange));
                check.Defined(c.Kind, nameof(c.Kind));
                check.List(c.Between, nameof(c.Between), check.Side);
                check.List(c.Counts, nameof(c.Counts), check.Count);
                check.OptionalText(c.Terms, nameof(c.Terms));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case RecordExchangeStage c:
                check.Id(c.Exchange.Value, nameof(c.Exchange));
                check.AtMost(c.Stage, NegotiationLimits.ExchangeStage, nameof(c.Stage));
                check.List(c.Counts, nameof(c.Counts), check.Count);
                check.Fact(c.OccurredOn, c.Source);
                break;
            case IssueUltimatum c:
                check.Id(c.Ultimatum.Value, nameof(c.Ultimatum));
                check.Actor(c.Issuer, nameof(c.Issuer));
                check.Side(c.Target, nameof(c.Target));
                check.Text(c.Demand, nameof(c.Demand), NegotiationErrors.UltimatumTermsEmpty);
                check.Required(c.Deadline, nameof(c.Deadline));
                check.Text(c.Consequence, nameof(c.Consequence), NegotiationErrors.UltimatumTermsEmpty);
                check.Fact(c.OccurredOn, c.Source);
                break;
            case ReviseUltimatum c:
                check.Id(c.Ultimatum.Value, nameof(c.Ultimatum));
                check.Required(c.Deadline, nameof(c.Deadline));
                check.OptionalText(c.Demand, nameof(c.Demand), NegotiationErrors.UltimatumTermsEmpty);
                check.OptionalText(c.Consequence, nameof(c.Consequence), NegotiationErrors.UltimatumTermsEmpty);
                check.Fact(c.OccurredOn, c.Source);
                break;
            case WithdrawUltimatum c:
                check.Id(c.Ultimatum.Value, nameof(c.Ultimatum));
                check.OptionalText(c.Reason, nameof(c.Reason));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case RecordStatement c:
                check.Actor(c.By, nameof(c.By));
                check.Defined(c.Kind, nameof(c.Kind));
                check.Text(c.Summary, nameof(c.Summary), NegotiationErrors.StatementSummaryEmpty);
                if (c.Tone is { } tone)
                {
                    check.Defined(tone, nameof(c.Tone));
                }

                check.Agenda(c.Agenda, nameof(c.Agenda));
                check.Fact(c.OccurredOn, c.Source);
                break;
            case RetractFact c:
                check.Id(c.Retracted.Value, nameof(c.Retracted));
                check.Text(c.Reason, nameof(c.Reason), NegotiationErrors.RetractionReasonEmpty);
                check.Fact(c.OccurredOn, c.Source);
                break;
            default:
                // The decider refuses an unknown command type itself, with its own message.
                break;
        }

        return check.Error;
    }

    [GeneratedRegex(@"\A[a-z][a-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex AgendaCode();

    /// <summary>Walks one command and keeps the first broken rule; later checks are skipped once one failed.</summary>
    private sealed class Walk
    {
        public DomainError? Error { get; private set; }

        private bool Failed => Error is not null;

        private void Fail(string code, string member, string message) => Error ??= new DomainError(code, message) { Member = member };

        public void Required(object? value, string member)
        {
            if (!Failed && value is null)
            {
                Fail(NegotiationErrors.InputRequired, member, $"{member} is required and is missing.");
            }
        }

        /// <summary>An id held by one of the id types: only a default value (built without its constructor) can be wrong.</summary>
        public void Id(string? value, string member)
        {
            if (!Failed && value is null)
            {
                Fail(NegotiationErrors.InputRequired, member, $"{member} is required and is missing (a default value; create ids with their constructor).");
            }
        }

        public void Side(Affiliation side, string member)
        {
            if (!Failed && side.Code is null)
            {
                Fail(NegotiationErrors.InputRequired, member, $"{member} is required and is missing (a default Affiliation; create it with its constructor).");
            }
        }

        public void Defined<TEnum>(TEnum value, string member)
            where TEnum : struct, Enum
        {
            if (!Failed && !Enum.IsDefined(value))
            {
                Fail(NegotiationErrors.InputUndefinedValue, member, $"{member} is {value:D}, which is not a value of {typeof(TEnum).Name} ({EnumNames.All<TEnum>()}).");
            }
        }

        public void AtMost(int value, int limit, string member)
        {
            if (!Failed && value > limit)
            {
                Fail(NegotiationErrors.InputOutOfRange, member, $"{member} is {value:N0}, more than the {limit:N0} allowed.");
            }
        }

        /// <summary>A required name: one line, at most <see cref="NegotiationLimits.NameLength"/>.</summary>
        public void Name(string? value, string member, string? emptyCode = null) =>
            String(value, member, NegotiationLimits.NameLength, lineBreaks: false, required: true, emptyCode);

        public void OptionalName(string? value, string member) =>
            String(value, member, NegotiationLimits.NameLength, lineBreaks: false, required: false, emptyCode: null);

        /// <summary>Required free text: line breaks allowed, at most <see cref="NegotiationLimits.TextLength"/>.</summary>
        public void Text(string? value, string member, string emptyCode) =>
            String(value, member, NegotiationLimits.TextLength, lineBreaks: true, required: true, emptyCode);

        /// <summary>Optional free text; with <paramref name="emptyCode"/>, text that is given must not be blank.</summary>
        public void OptionalText(string? value, string member, string? emptyCode = null) =>
            String(value, member, NegotiationLimits.TextLength, lineBreaks: true, required: false, emptyCode);

        private void String(string? value, string member, int maxLength, bool lineBreaks, bool required, string? emptyCode)
        {
            if (Failed)
            {
                return;
            }

            if (value is null)
            {
                if (required)
                {
                    Fail(emptyCode ?? NegotiationErrors.InputRequired, member, $"{member} is required and is missing.");
                }

                return;
            }

            if (value.Length > maxLength)
            {
                Fail(NegotiationErrors.InputTooLong, member, $"{member} has {value.Length:N0} characters, more than the {maxLength:N0} allowed ({TextRules.Show(value)}).");
            }
            else if ((required || emptyCode is not null) && string.IsNullOrWhiteSpace(value))
            {
                Fail(emptyCode ?? NegotiationErrors.InputRequired, member, $"{member} is empty: {TextRules.Show(value)}.");
            }
            else if (TextRules.Problem(value, lineBreaks) is { } problem)
            {
                Fail(NegotiationErrors.InputInvalidText, member, $"{member} holds {problem}: {TextRules.Show(value)}.");
            }
        }

        /// <summary>A required member that has members of its own: missing is <c>input.required</c>, else its members are checked.</summary>
        private void Nested<T>(T? value, string member, Action<T> members)
            where T : class
        {
            if (Failed)
            {
                return;
            }

            if (value is null)
            {
                Required(value, member);
                return;
            }

            members(value);
        }

        public void Actor(Actor? actor, string member) => Nested(actor, member, a =>
        {
            Id(a.Code.Value, $"{member}.{nameof(a.Code)}");
            Name(a.Name, $"{member}.{nameof(a.Name)}");
            Side(a.Affiliation, $"{member}.{nameof(a.Affiliation)}");
            Defined(a.Type, $"{member}.{nameof(a.Type)}");
        });

        public void OptionalActor(Actor? actor, string member)
        {
            if (actor is not null)
            {
                Actor(actor, member);
            }
        }

        public void Participant(Participant? participant, string member) => Nested(participant, member, p =>
        {
            Actor(p.Actor, $"{member}.{nameof(p.Actor)}");
            Defined(p.Role, $"{member}.{nameof(p.Role)}");
        });

        public void Venue(Venue? venue, string member) => Nested(venue, member, v =>
        {
            Side(v.Country, $"{member}.{nameof(v.Country)}");
            OptionalName(v.City, $"{member}.{nameof(v.City)}");
        });

        public void Delegation(Delegation? delegation, string member) => Nested(delegation, member, d =>
        {
            Side(d.Side, $"{member}.{nameof(d.Side)}");
            OptionalActor(d.Head, $"{member}.{nameof(d.Head)}");
        });

        public void Count(SideCount? count, string member) => Nested(count, member, c =>
        {
            Side(c.Side, $"{member}.{nameof(c.Side)}");
            AtMost(c.Count, NegotiationLimits.ExchangeCount, $"{member}.{nameof(c.Count)}");
        });

        public void List<T>(IReadOnlyList<T>? items, string member, Action<T, string> item)
        {
            if (Failed || items is null)
            {
                // A missing list is an empty one: the event records [].
                return;
            }

            if (items.Count > NegotiationLimits.ListLength)
            {
                Fail(NegotiationErrors.InputTooMany, member, $"{member} has {items.Count:N0} items, more than the {NegotiationLimits.ListLength} allowed.");
                return;
            }

            for (var i = 0; i < items.Count && !Failed; i++)
            {
                item(items[i], $"{member}[{i}]");
            }
        }

        public void Agenda(IReadOnlyList<string>? codes, string member) => List(codes, member, (code, at) =>
        {
            if (Failed)
            {
                return;
            }

            if (code is null)
            {
                Required(code, at);
            }
            else if (code.Length > NegotiationLimits.IdLength || !AgendaCode().IsMatch(code))
            {
                Fail(NegotiationErrors.AgendaInvalidCode, at, $"{TextRules.Show(code)} ({at}) is not an agenda item code: use lower-case letters, digits and underscores, starting with a letter, at most {NegotiationLimits.IdLength} characters (for example '{AgendaItems.Ceasefire}').");
            }
        });

        /// <summary>When a fact happened, and the source that reports it: a source is not reported before the fact's window begins.</summary>
        public void Fact(WorldDate? occurredOn, Source? source)
        {
            Required(occurredOn, "OccurredOn");
            if (Failed || source is null)
            {
                return;
            }

            Name(source.DocumentId, "Source.DocumentId");
            String(source.Quote, "Source.Quote", NegotiationLimits.QuoteLength, lineBreaks: true, required: true, emptyCode: null);
            if (source.AttributedTo is { } attributedTo)
            {
                Id(attributedTo.Value, "Source.AttributedTo");
            }

            if (!Failed && occurredOn!.NotBefore is { } start && source.ReportedOn < start)
            {
                Fail(
                    NegotiationErrors.SourceBeforeFact,
                    "Source.ReportedOn",
                    $"Source.ReportedOn is {source.ReportedOn:yyyy-MM-dd}, before the fact it reports could have happened ({occurredOn}); a source reports a fact on or after the first day of its window.");
            }
        }
    }
}
