using Microsoft.AspNetCore.Http;
using NCovNet.Pipeline.Http;
using NCovNet.Pipeline.Tests.Fixtures;

namespace NCovNet.Pipeline.Tests.Http;

/// <summary>Request bodies are read as sent: memory follows the bytes that arrive, not the Content-Length a client declares.</summary>
public sealed class BoundedBodyTests
{
    private const long Limit = 32L * 1024 * 1024;

    [Fact]
    public async Task A_declared_length_far_beyond_the_bytes_sent_allocates_for_the_bytes_sent_and_returns_them()
    {
        var sent = TestImages.Cxr(1)[0].Bytes[..1024];
        var request = Request(sent, declared: Limit);

        // The stream answers synchronously, so the whole read runs on this thread.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = await BoundedBody.ReadAsync(request, Limit, CancellationToken.None);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(sent, body);
        Assert.InRange(allocated, 0, 1024 * 1024);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_radiograph_reads_back_byte_for_byte_with_or_without_a_content_length(bool declared)
    {
        var image = TestImages.Cxr(1)[0].Bytes;

        var body = await BoundedBody.ReadAsync(Request(image, declared ? image.Length : null), Limit, CancellationToken.None);

        Assert.Equal(image, body);
    }

    [Fact]
    public async Task A_chunked_body_of_exactly_the_limit_is_kept_and_one_byte_more_is_refused()
    {
        var atLimit = new byte[100_000];

        Assert.Equal(atLimit, await BoundedBody.ReadAsync(Request(atLimit, null), atLimit.Length, CancellationToken.None));
        Assert.Null(await BoundedBody.ReadAsync(Request(new byte[atLimit.Length + 1], null), atLimit.Length, CancellationToken.None));
    }

    private static HttpRequest Request(byte[] body, long? declared)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = declared;
        return context.Request;
    }
}
