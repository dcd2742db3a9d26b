using System.Text.Json;
using FluentAssertions;
using Negotiations.Serialization;
using Negotiations.Tests.Domain;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Serialization;

/// <summary>One spelling of every enum value: the JSON's, in error messages as on the wire.</summary>
public sealed class VocabularyTests
{
    public static TheoryData<Type> ContractEnums() =>
        [.. typeof(AnswerKind).Assembly.GetExportedTypes().Where(type => type.IsEnum && type.Namespace == "Negotiations")];

    [Theory]
    [MemberData(nameof(ContractEnums))]
    public void Every_value_is_named_in_messages_as_the_json_names_it(Type enumType)
    {
        var of = typeof(EnumNames).GetMethod(nameof(EnumNames.Of))!.MakeGenericMethod(enumType);

        foreach (var value in Enum.GetValues(enumType))
        {
            var json = JsonSerializer.Serialize(value, enumType, NegotiationJson.Options);
            json.Should().Be($"\"{of.Invoke(null, [value])}\"", "{0}.{1} has one name", enumType.Name, value);
        }
    }

    [Fact]
    public void A_value_outside_its_type_is_refused_with_the_names_the_json_accepts()
    {
        var error = new NegotiationDecider().Decide(History.Of().DeciderState, Statement() with { Kind = (StatementKind)99 }).Error;

        error!.Code.Should().Be(NegotiationErrors.InputUndefinedValue);
        error.Message.Should().Be($"Kind is 99, which is not a value of StatementKind ({string.Join(", ", Enum.GetValues<StatementKind>().Select(EnumNames.Of))}).")
            .And.Contain("readiness").And.NotContain("Readiness");
    }
}
