namespace Negotiations.EventSourcing;

/// <summary>
/// Which stream: a tenant and a stream id. Every read and write of the store port names its stream by key, so stream
/// ids are unique per tenant. A store used without tenants puts every stream in <see cref="DefaultTenant"/>.
/// </summary>
/// <param name="Tenant">The tenant the stream belongs to; <see cref="DefaultTenant"/> when the store has no tenants.</param>
/// <param name="StreamId">The stream's id within its tenant (for a negotiation, its track id).</param>
public readonly record struct StreamKey(string Tenant, string StreamId)
{
    /// <summary>The tenant of every stream of a store used without tenants (Marten's name for its default tenant).</summary>
    public const string DefaultTenant = "*DEFAULT*";

    /// <summary>The longest tenant id: 64 characters.</summary>
    public const int TenantLength = 64;

    /// <summary>The longest stream id: 200 characters (a negotiation's track id has at most 100).</summary>
    public const int StreamIdLength = 200;

    /// <summary>The key of a stream of the default tenant.</summary>
    /// <param name="streamId">The stream id.</param>
    /// <returns>The key.</returns>
    public static StreamKey Of(string streamId) => new(DefaultTenant, streamId);

    /// <summary>The key as text: the stream id, prefixed by the tenant unless it is the default one.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Tenant == DefaultTenant ? StreamId : $"{Tenant}/{StreamId}";

    /// <summary>Why a tenant id is not valid, or null when it is.</summary>
    internal static string? TenantProblem(string tenant)
    {
        if (tenant == DefaultTenant)
        {
            return null;
        }

        if (tenant.Length > TenantLength)
        {
            return $"it has {tenant.Length:N0} characters, more than the {TenantLength} allowed";
        }

        for (var i = 0; i < tenant.Length; i++)
        {
            var c = tenant[i];
            var allowed = char.IsAsciiLetterOrDigit(c) || (i > 0 && c is '-' or '_' or '.');
            if (!allowed)
            {
                return $"use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit ({TextRules.Show(c.ToString())} at position {i} is not allowed)";
            }
        }

        return null;
    }
}
