using System;
using System.Text;
using System.Threading;
using Negotiations.SampleHost;

Console.OutputEncoding = Encoding.UTF8;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await SampleApp.RunAsync(args, Console.Out, Console.Error, SampleEnvironment.FromConsole(), cancellation.Token).ConfigureAwait(false);
