namespace Negotiations.Scripts;

/// <summary>One checked entry of a replay script.</summary>
/// <param name="Index">Its position in the script, from 1.</param>
/// <param name="CommandName">The command's name as the script gives it (<c>RecordRoundHeld</c>).</param>
/// <param name="Command">The command.</param>
/// <param name="Source">The command's source, its quote found in the article.</param>
/// <param name="Note">The encoder's note on how the entry reads the article, if any.</param>
public sealed record ScriptEntry(int Index, string CommandName, NegotiationCommand Command, Source Source, string? Note)
{
    /// <summary>The entry's id: its command id.</summary>
    public string Id => Command.CommandId.Value;
}

/// <summary>
/// A replay script read and checked against its article: every entry parsed into a command, every quote found
/// verbatim in the article. Send <see cref="Commands"/> in order.
/// </summary>
/// <param name="ScriptName">The script's file name (or the name the caller gave the text).</param>
/// <param name="Article">The article's text.</param>
/// <param name="Entries">The entries, in script order.</param>
public sealed record ReplayScript(string ScriptName, string Article, IReadOnlyList<ScriptEntry> Entries)
{
    /// <summary>The commands of the entries, in script order.</summary>
    public IReadOnlyList<NegotiationCommand> Commands { get; } = [.. Entries.Select(e => e.Command)];
}
