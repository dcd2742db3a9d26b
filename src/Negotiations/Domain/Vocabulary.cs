namespace Negotiations;

/// <summary>What kind of terms an actor puts forward.</summary>
public enum ProposalKind
{
    /// <summary>Terms put forward for discussion.</summary>
    Proposal,

    /// <summary>Terms the actor insists on ("Russia has demanded Ukraine give up four regions").</summary>
    Demand,

    /// <summary>Something the actor offers to give or do.</summary>
    Offer,
}

/// <summary>How a proposal was answered.</summary>
public enum AnswerKind
{
    /// <summary>Accepted as put.</summary>
    Accepted,

    /// <summary>Rejected.</summary>
    Rejected,

    /// <summary>Accepted on conditions, which are kept with the answer.</summary>
    AcceptedWithConditions,

    /// <summary>Answered with another proposal (a counter-proposal), named by its id.</summary>
    Countered,
}

/// <summary>What a round of talks achieved.</summary>
public enum RoundOutcome
{
    /// <summary>The news does not say.</summary>
    Unknown,

    /// <summary>Talks took place without a breakthrough.</summary>
    NoBreakthrough,

    /// <summary>Some progress short of an agreement.</summary>
    Progress,

    /// <summary>An agreement was reached.</summary>
    Agreement,

    /// <summary>The talks broke down.</summary>
    Breakdown,
}

/// <summary>What is exchanged.</summary>
public enum ExchangeKind
{
    /// <summary>Prisoners of war.</summary>
    Prisoners,

    /// <summary>Bodies of the fallen.</summary>
    Bodies,

    /// <summary>Detained civilians.</summary>
    Civilians,

    /// <summary>Children.</summary>
    Children,

    /// <summary>Anything else; the terms say what.</summary>
    Other,
}

/// <summary>What an on-record statement does to the picture.</summary>
public enum StatementKind
{
    /// <summary>Readiness for talks or steps ("Russia said it was ready for more talks").</summary>
    Readiness,

    /// <summary>Doubt about the other side ("expressed doubt that Russia wants a cease-fire").</summary>
    Doubt,

    /// <summary>An assessment of the prospects ("A lot of diplomatic work lies ahead").</summary>
    Assessment,

    /// <summary>A commitment to do something.</summary>
    Commitment,

    /// <summary>Pressure from outside the table: sanctions, arms supplies, deadlines short of an ultimatum.</summary>
    Pressure,

    /// <summary>A warning or threat.</summary>
    Warning,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>The tone of a statement, when the news conveys it.</summary>
public enum Tone
{
    /// <summary>Seeking agreement.</summary>
    Conciliatory,

    /// <summary>Matter of fact.</summary>
    Neutral,

    /// <summary>Guarded, hedged.</summary>
    Cautious,

    /// <summary>Doubting the other side.</summary>
    Sceptical,

    /// <summary>Hostile.</summary>
    Hostile,
}

/// <summary>A delegation at a round: the side it speaks for and, when known, who heads it.</summary>
/// <param name="Side">What the delegation acts for.</param>
/// <param name="Head">Its head, when the news names one.</param>
public sealed record Delegation(Affiliation Side, Actor? Head = null);

/// <summary>How many people one side hands over in an exchange (or a stage of it).</summary>
/// <param name="Side">The side that hands them over.</param>
/// <param name="Count">How many, at least 1.</param>
public sealed record SideCount(Affiliation Side, int Count);
