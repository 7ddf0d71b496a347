namespace Inkstone.IntegrationTests.Browser;

public sealed class NetworkPolicyTests
{
    [Theory]
    [InlineData("file:///tmp/report.html")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    [InlineData("blob:null/4f0c")]
    [InlineData("about:blank")]
    [InlineData("http://127.0.0.1:5123/review")]
    [InlineData("https://localhost:7001/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("ws://127.0.0.1:5123/_blazor")]
    public void IsAllowed_LocalUrl_True(string url) => Assert.True(NetworkPolicy.IsAllowed(url));

    [Theory]
    [InlineData("https://cdn.jsdelivr.net/npm/bootstrap.css")]
    [InlineData("http://93.184.216.34/")]
    [InlineData("http://192.168.1.10:8080/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("wss://example.com/socket")]
    [InlineData("ftp://127.0.0.1/file")]
    [InlineData("not a url")]
    public void IsAllowed_OutsideUrl_False(string url) => Assert.False(NetworkPolicy.IsAllowed(url));
}
