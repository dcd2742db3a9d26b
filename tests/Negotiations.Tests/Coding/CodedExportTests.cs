using System.Text.Json;
using CsvHelper;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Coding;
using Negotiations.EventSourcing;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Coding;

/// <summary>The exports, read back as the tools that take them would: JSON as JSON, the CSV with CsvHelper.</summary>
public sealed class CodedExportTests
{
    private const string Awkward = "=1+2, said \"the \"\"official\"\"\",\nthen: @everyone -3";

    [Fact]
    public async Task The_csv_reads_back_with_csvhelper_with_commas_quotation_marks_line_breaks_and_formula_characters_intact()
    {
        var store = await StoreWith(Demand() with { Source = Quote(Awkward) }, Answer());

        var csv = new StringWriter();
        var summary = await CodedExport.WriteCameoCsvAsync(store, [StreamKey.Of(Id.Value)], csv, cancellationToken: TestContext.Current.CancellationToken);

        var (header, rows) = ReadCsv(csv.ToString());
        header.Should().Equal(CodedExport.CsvColumns);
        rows.Should().HaveCount(2);
        rows[0]["quote"].Should().Be(Awkward, "quotes are written exactly as given, a leading '=' included");
        rows[0]["cameo_code"].Should().Be("105", "a demand on territory");
        rows[0]["time_precision"].Should().Be("3", "'so far' is a window open at its start");
        rows[0]["event_date"].Should().Be("2025-07-21");
        rows[0]["event_date_start"].Should().Be(string.Empty);
        rows[1]["cameo_code"].Should().Be("124");
        summary.Coded.Should().Be(2);
        summary.NotCodedByEventType.Should().Equal(new Dictionary<string, int> { ["negotiation_opened.v1"] = 1 });
        csv.ToString().Should().EndWith("\r\n").And.StartWith("event_id,track,");
    }

    [Fact]
    public async Task A_dyadic_csv_has_one_row_per_source_and_target()
    {
        var store = await StoreWith(Demand() with { AddressedTo = [Affiliation.Ukraine, Affiliation.UnitedStates] }, Statement() with { Kind = StatementKind.Readiness });

        var flat = await Csv(store, dyadic: false);
        var dyadic = await Csv(store, dyadic: true);

        flat.Select(r => r["target"]).Should().Equal("UKR;USA", string.Empty);
        dyadic.Select(r => r["target"]).Should().Equal("UKR", "USA", string.Empty);
        dyadic.Select(r => r["event_id"]).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public void Acleds_time_precision_is_1_for_a_day_2_for_up_to_a_week_3_for_wider_or_open()
    {
        CodedExport.TimePrecision(On(7, 23)).Should().Be(1);
        CodedExport.TimePrecision(LastWeek).Should().Be(2);
        CodedExport.TimePrecision(WorldDate.Between(Day(7, 14), Day(7, 16), DatePrecision.Unknown)).Should().Be(2, "three days are within a week");
        CodedExport.TimePrecision(WorldDate.Between(Day(7, 14), Day(7, 21), DatePrecision.Unknown)).Should().Be(3, "eight days are more than a week");
        CodedExport.TimePrecision(WorldDate.Month(2025, 7)).Should().Be(3);
        CodedExport.TimePrecision(WorldDate.Until(Day(7, 21))).Should().Be(3);
        CodedExport.TimePrecision(WorldDate.Unknown).Should().Be(3);
    }

    [Fact]
    public async Task The_plover_json_is_valid_with_every_record_coded_from_the_table_and_a_summary_of_what_was_not()
    {
        var store = await StoreWith(HoldRound(), Demand() with { Source = Quote(Awkward) }, Answer(), Ultimatum(), Statement());

        using var output = new MemoryStream();
        var summary = await CodedExport.WritePloverJsonAsync(store, await CodedExport.TracksAsync(store, TestContext.Current.CancellationToken), output,
            new CodedExportOptions { AsOf = Day(7, 21) }, TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(output.ToArray());
        var root = json.RootElement;
        root.GetProperty("codebook").GetString().Should().Be(EventCoding.Codebook);
        root.GetProperty("as_of").GetString().Should().Be("2025-07-21");
        var records = root.GetProperty("records").EnumerateArray().ToList();
        records.Should().HaveCount(4).And.HaveCount(summary.Coded);
        records.Select(r => r.GetProperty("cameo").GetString()).Should().Equal("044", "105", "124", "1312");
        records.Should().OnlyContain(r => CameoCodes.All.Any(c => c.Cameo == r.GetProperty("cameo").GetString() && c.Event == r.GetProperty("event").GetString()));
        records[1].GetProperty("citation").GetProperty("quote").GetString().Should().Be(Awkward);
        records[1].GetProperty("targets")[0].GetProperty("country").GetString().Should().Be("UKR");
        records[3].GetProperty("event_date").GetProperty("precision").GetString().Should().Be("week");
        root.GetProperty("summary").GetProperty("not_coded_by_event_type").GetProperty("statement_made.v1").GetInt32().Should().Be(1);
        root.GetProperty("summary").GetProperty("tracks").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task The_whole_store_is_read_track_by_track_and_other_streams_are_not_tracks()
    {
        var store = await StoreWith(Demand());
        var other = Open() with { Track = new TrackId("second-track") };
        await Send(store, other);

        var tracks = await CodedExport.TracksAsync(store, TestContext.Current.CancellationToken);

        tracks.Should().Equal(StreamKey.Of(Id.Value), StreamKey.Of("second-track"));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_by_name()
    {
        var store = await StoreWith();
        var act = () => CodedExport.WriteCameoCsvAsync(store, [StreamKey.Of(Id.Value)], null!);

        (await act.Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("output");
    }

    private static async Task<List<Dictionary<string, string>>> Csv(IEventStore store, bool dyadic)
    {
        var csv = new StringWriter();
        await CodedExport.WriteCameoCsvAsync(store, [StreamKey.Of(Id.Value)], csv, new CodedExportOptions { Dyadic = dyadic }, TestContext.Current.CancellationToken);
        return ReadCsv(csv.ToString()).Rows;
    }

    // CsvHelper 34: a header, then each record's fields by column name.
    private static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ReadCsv(string text)
    {
        using var reader = CsvReader.FromText(text);
        var header = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var record = reader.Current;
            record.FieldCount.Should().Be(header.Count, "every row has every column");
            var row = new Dictionary<string, string>();
            for (var i = 0; i < record.FieldCount; i++)
            {
                row[header[i]] = record.GetString(i);
            }

            rows.Add(row);
        }

        return (header, rows);
    }

    private static async Task<IEventStore> StoreWith(params NegotiationCommand[] commands)
    {
        var store = new InMemoryEventStore(NegotiationEvents.Catalog);
        await Send(store, [Open(), .. commands]);
        return store;
    }

    private static async Task Send(IEventStore store, params NegotiationCommand[] commands)
    {
        var services = new ServiceCollection();
        services.AddNegotiations().UseStore(_ => store);
        await using var provider = services.BuildServiceProvider();
        var send = provider.GetRequiredService<INegotiationCommands>();
        foreach (var command in commands)
        {
            var result = await send.SendAsync(command, cancellationToken: TestContext.Current.CancellationToken);
            result.Outcome.Should().Be(CommandOutcome.Accepted, "{0} sets up the track ({1})", command.CommandId, result.Error?.Message);
        }
    }
}
