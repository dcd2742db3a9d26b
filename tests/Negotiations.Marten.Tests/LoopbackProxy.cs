using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Negotiations.Marten.Tests;

/// <summary>Where a <see cref="LoopbackProxy"/> cuts the next connection that reaches it.</summary>
public enum Cut
{
    /// <summary>Nothing is cut.</summary>
    None,

    /// <summary>When the client sends the batch that appends events: the server never sees it.</summary>
    AtTheAppend,

    /// <summary>When the client sends <c>COMMIT</c>: the server never sees it and rolls the transaction back.</summary>
    BeforeTheCommitReachesTheServer,

    /// <summary>After the server has got <c>COMMIT</c>, before its answer reaches the client: the transaction is committed, the client never hears so.</summary>
    AfterTheCommitReachesTheServer,
}

/// <summary>
/// A TCP proxy on the loopback interface between Npgsql and PostgreSQL that can cut a connection at a chosen point of
/// the protocol, once: the fault tests' way of losing a connection in the middle of a command. The connections it
/// proxies must not use TLS (<c>SSL Mode=Disable</c>), so it can see the messages.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private static readonly byte[] CommitQuery = Encoding.ASCII.GetBytes("COMMIT\0");
    private static readonly byte[] AppendCall = Encoding.ASCII.GetBytes("mt_quick_append_events");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _clients = [];
    private int _armed;
    private int _cuts;

    private LoopbackProxy(string serverHost, int serverPort)
    {
        _serverHost = serverHost;
        _serverPort = serverPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The port the proxy listens on, on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How many connections the proxy has cut.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    /// <summary>Starts a proxy in front of the server of a connection string.</summary>
    public static LoopbackProxy Start(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        return new LoopbackProxy(builder.Host ?? "127.0.0.1", builder.Port);
    }

    /// <summary>The connection string through the proxy: the same server, user and database, no TLS, no pooled connections kept.</summary>
    public string ConnectionString(string connectionString) => new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
    {
        Host = "127.0.0.1",
        Port = Port,
        SslMode = Npgsql.SslMode.Disable,
        Pooling = false,
    }.ConnectionString;

    /// <summary>Arms one cut: the next connection to reach that point is cut, later ones pass.</summary>
    public void Arm(Cut cut) => Volatile.Write(ref _armed, (int)cut);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_clients)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        lock (_clients)
        {
            _clients.Add(client);
            _clients.Add(server);
        }

        try
        {
            await server.ConnectAsync(_serverHost, _serverPort, _stop.Token);
            var connection = new Relay(client, server);
            await Task.WhenAny(PumpToServerAsync(connection), PumpToClientAsync(connection));
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
        catch (SocketException)
        {
        }
        finally
        {
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpToServerAsync(Relay relay)
    {
        var buffer = new byte[64 * 1024];
        var fromClient = relay.Client.GetStream();
        var toServer = relay.Server.GetStream();
        while (true)
        {
            var read = await fromClient.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            var chunk = buffer.AsSpan(0, read);
            var cut = (Cut)Volatile.Read(ref _armed);
            if (cut == Cut.AtTheAppend && chunk.IndexOf(AppendCall) >= 0 && Disarm(cut)
                || cut == Cut.BeforeTheCommitReachesTheServer && chunk.IndexOf(CommitQuery) >= 0 && Disarm(cut))
            {
                CutNow(relay);
                return;
            }

            if (cut == Cut.AfterTheCommitReachesTheServer && chunk.IndexOf(CommitQuery) >= 0 && Disarm(cut))
            {
                // Set before the COMMIT goes on, so the server's answer cannot slip through first.
                relay.CutOnServerAnswer = true;
            }

            await toServer.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private async Task PumpToClientAsync(Relay relay)
    {
        var buffer = new byte[64 * 1024];
        var fromServer = relay.Server.GetStream();
        var toClient = relay.Client.GetStream();
        while (true)
        {
            var read = await fromServer.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return;
            }

            if (relay.CutOnServerAnswer)
            {
                // The server has answered COMMIT: the transaction is stored; the client never hears so.
                CutNow(relay);
                return;
            }

            await toClient.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    private bool Disarm(Cut cut) => Interlocked.CompareExchange(ref _armed, (int)Cut.None, (int)cut) == (int)cut;

    private void CutNow(Relay relay)
    {
        Interlocked.Increment(ref _cuts);
        relay.Client.Client.LingerState = new LingerOption(true, 0);
        relay.Client.Dispose();
        relay.Server.Dispose();
    }

    private sealed class Relay(TcpClient client, TcpClient server)
    {
        public TcpClient Client { get; } = client;

        public TcpClient Server { get; } = server;

        public volatile bool CutOnServerAnswer;
    }
}
