using System.Net;
using System.Net.Sockets;

namespace BehaviorGraph.Api.Security;

/// <summary>
/// The client address a request is limited and reported by: the TCP peer (behind a proxy, the proxy), IPv4-mapped
/// IPv6 as IPv4, other IPv6 addresses by their /64 network (one host usually holds a whole /64).
/// </summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
