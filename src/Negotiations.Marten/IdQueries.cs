using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using JasperFx.Core.Reflection;
using Marten;
using Marten.Exceptions;
using Marten.Linq.Members;
using Marten.Linq.Parsing;
using Weasel.Core;
using Weasel.Postgresql.SqlGeneration;

namespace Negotiations.Marten;

// Marten's LINQ over the library's id types, registered as value types by AddNegotiations. Two gaps of Marten 9.58
// for value types wrapping a string are filled here; both are tested in ViewQueryTests.

/// <summary>
/// Makes the members of the id types <see cref="IdMember{TId}"/>s: Marten's own member for a value type wrapping a
/// string, except that it also places a string in a containment filter.
/// </summary>
internal sealed class IdMemberSource(IReadOnlyDictionary<Type, ValueTypeInfo> ids) : IMemberSource
{
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The id types are known structs; Marten builds its own value-type members the same way.")]
    public bool TryResolve(IQueryableMember parent, StoreOptions options, MemberInfo memberInfo, Type memberType, [NotNullWhen(true)] out IQueryableMember? member)
    {
        member = ids.TryGetValue(memberType, out var id)
            ? (IQueryableMember)Activator.CreateInstance(typeof(IdMember<>).MakeGenericType(memberType), parent, options.Serializer().Casing, memberInfo, id)!
            : null;
        return member is not null;
    }
}

/// <summary>
/// Marten's member for a value type wrapping a string, which in a comparison inside <c>Any(...)</c>
/// (<c>v.Participants.Any(p =&gt; p.Actor.Code == code)</c>) is handed the id's string, not the id, and placed
/// nothing: the filter became <c>@&gt; '[{"actor":{}}]'</c>, matching every view. It places the string.
/// </summary>
/// <typeparam name="TId">The id type.</typeparam>
internal sealed class IdMember<TId>(IQueryableMember parent, Casing casing, MemberInfo member, ValueTypeInfo valueTypeInfo)
    : StringValueTypeMember<TId>(parent, casing, member, valueTypeInfo)
{
    public override void PlaceValueInDictionaryForContainment(Dictionary<string, object> dict, ConstantExpression constant)
    {
        if (constant.Value is string text)
        {
            dict[MemberName] = text;
        }
        else
        {
            base.PlaceValueInDictionaryForContainment(dict, constant);
        }
    }
}

/// <summary>
/// Parses <c>Contains</c> over the library's id types in Marten's LINQ: a list of ids given with the query
/// (<c>ids.Contains(v.Track)</c>) becomes <c>member = ANY(:strings)</c>; a stored list of ids
/// (<c>v.Actors.Contains(code)</c>) is left to Marten.
/// </summary>
/// <remarks>
/// Marten 9.58 unwraps registered value types for <c>IsOneOf</c> but not for <c>Contains</c> on a list given with the
/// query: it hands Npgsql the array of ids itself, which Npgsql cannot write. Marten keeps one parser per closed
/// method (<c>Enumerable.Contains&lt;ActorCode&gt;</c> serves both shapes), so this parser takes both and passes the
/// stored-list shape to the member, as Marten's own parser does. On .NET 10 <c>array.Contains(x)</c> compiles to
/// <c>MemoryExtensions.Contains</c> over an implicit span conversion, which is unwrapped here too.
/// </remarks>
internal sealed class IdContainsParser(IReadOnlyDictionary<Type, PropertyInfo> idValues) : IMethodCallParser
{
    public bool Matches(MethodCallExpression expression) =>
        expression.Method.Name == nameof(Enumerable.Contains)
        && (expression.Object is not null || expression.Method.DeclaringType == typeof(Enumerable) || expression.Method.DeclaringType == typeof(MemoryExtensions))
        && ValueOf(expression) is { } value
        && idValues.ContainsKey(value.Type);

    public ISqlFragment Parse(IQueryableMemberCollection memberCollection, IReadOnlyStoreOptions options, MethodCallExpression expression)
    {
        var collection = WithoutConversions(expression.Object ?? expression.Arguments[0]);
        var value = ValueOf(expression)!;
        if (expression.Object is null && expression.Arguments.Count > 2
            && !(expression.Arguments[2].TryToParseConstant(out var comparer) && comparer.Value is null))
        {
            throw new BadLinqExpressionException($"Marten cannot compare ids with a comparer of their own in '{expression}'.");
        }

        if (collection.TryToParseConstant(out var constant))
        {
            var text = idValues[value.Type];
            var strings = constant.Value is IEnumerable ids ? ids.Cast<object>().Select(id => (string?)text.GetValue(id)).ToArray() : [];
            return new AnyOf(memberCollection.MemberFor(value), strings);
        }

        return memberCollection.MemberFor(collection) is ICollectionMember member
            ? member.ParseWhereForContains(expression, options)
            : throw new BadLinqExpressionException($"Marten cannot parse '{expression}' as a Contains() query on this member.");
    }

    /// <summary>The id looked for: the argument after the collection, or the only one of an instance method.</summary>
    private static Expression? ValueOf(MethodCallExpression expression) =>
        expression.Object is not null
            ? (expression.Arguments.Count == 1 ? expression.Arguments[0] : null)
            : (expression.Arguments.Count >= 2 ? expression.Arguments[1] : null);

    /// <summary>The collection under the conversions to a span that C# 14 puts around an array.</summary>
    private static Expression WithoutConversions(Expression expression)
    {
        while (true)
        {
            switch (expression)
            {
                case MethodCallExpression { Method.Name: "op_Implicit" or "op_Explicit", Arguments.Count: 1 } conversion:
                    expression = conversion.Arguments[0];
                    break;
                case UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert:
                    expression = convert.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary><c>member = ANY(:strings)</c>.</summary>
    private sealed class AnyOf(ISqlFragment member, string?[] strings) : ISqlFragment
    {
        public void Apply(Weasel.Postgresql.ICommandBuilder builder)
        {
            member.Apply(builder);
            builder.Append(" = ANY(");
            new CommandParameter(strings).Apply(builder);
            builder.Append(')');
        }
    }
}
