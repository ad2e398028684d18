using System.Net;
using BehaviorGraph.Api.Security;
using Microsoft.AspNetCore.Http;

namespace BehaviorGraph.Api.Tests.Security;

/// <summary>The address unauthenticated budgets are kept by: IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64.</summary>
public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void Address_GroupsAClientsAddresses(string remote, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        Assert.Equal(expected, ClientAddress.Of(context));
    }
}
