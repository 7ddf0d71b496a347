using Inkstone.Curation.Items;

namespace Inkstone.Tests.Curation;

public sealed class FailureKindsTests
{
    [Theory]
    [InlineData("screen.article@v1 on m: Transport: Connection refused (localhost:8000)", "Transport: Connection refused")]
    [InlineData("score.thought@v1 on m: Transport: HTTP 400: prompt longer than the context", "Transport: HTTP 400")]
    [InlineData("score.thought@v1 on m: MalformedJson: no JSON object found", "MalformedJson")]
    [InlineData("annotated item has no annotation artifact", "annotated item has no annotation artifact")]
    [InlineData("", "unknown")]
    public void Classify_Reason_Kind(string reason, string kind) => Assert.Equal(kind, FailureKinds.Classify(reason));
}
