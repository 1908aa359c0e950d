using System.Net;

namespace NCovNet.Server;

/// <summary>Whether the URLs the server listens on are all loopback (then no API key is needed).</summary>
public static class ListenAddresses
{
    public static bool AllLoopback(IEnumerable<string> urls) => urls.All(IsLoopback);

    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url.Replace("://+", "://any-host").Replace("://*", "://any-host"), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
