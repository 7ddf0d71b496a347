namespace Inkstone.IntegrationTests.Infrastructure;

public sealed class RequiredServiceTests
{
    [Fact]
    public void RepositoryRoot_ContainsSolution() =>
        Assert.True(File.Exists(Path.Combine(RequiredService.RepositoryRoot(), "Inkstone.slnx")));
}
