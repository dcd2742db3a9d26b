using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Negotiations.EventSourcing;

namespace Negotiations.Serialization;

/// <summary>
/// Names and fingerprints negotiation commands for their records: the name is the command's fixed name in the
/// contract (<see cref="NegotiationJson.CommandTypes"/>); the fingerprint is <c>v1:</c> and the lower-case hex SHA-256
/// of the command's canonical wire JSON without its <c>commandId</c>.
/// </summary>
/// <remarks>
/// The canonical JSON is the contract's own (<see cref="NegotiationJson.Options"/>: camelCase names in declaration
/// order, explicit nulls, compact, UTF-8), so two commands with the same members have the same fingerprint however
/// their JSON was written (members in another order, other white space). It is part of the storage format: stored
/// records compare against it, and a golden test pins it. A change of it is a new version prefix.
/// </remarks>
public sealed class NegotiationCommandFingerprints : ICommandFingerprints<NegotiationCommand>
{
    /// <summary>The version prefix of the fingerprints written now.</summary>
    public const string Version = "v1";

    /// <summary>The one instance.</summary>
    public static NegotiationCommandFingerprints Instance { get; } = new();

    /// <inheritdoc />
    public string NameOf(NegotiationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return NegotiationJson.CommandNameOf(command.GetType());
    }

    /// <inheritdoc />
    public string FingerprintOf(NegotiationCommand command) =>
        $"{Version}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(command))))}";

    /// <summary>The text a fingerprint digests: the command's wire JSON, compact, without its <c>commandId</c>.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The canonical JSON.</returns>
    public static string CanonicalJson(NegotiationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var json = JsonSerializer.SerializeToNode(command, command.GetType(), NegotiationJson.Options)!.AsObject();
        json.Remove("commandId");
        return json.ToJsonString(NegotiationJson.Options);
    }
}
