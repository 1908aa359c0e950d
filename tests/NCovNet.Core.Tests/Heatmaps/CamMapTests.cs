using NCovNet.Core.Heatmaps;

namespace NCovNet.Core.Tests.Heatmaps;

public sealed class CamMapTests
{
    [Fact]
    public void Negative_evidence_is_cut_and_the_peak_becomes_one()
    {
        var map = CamMap.FromCam([-1f, 0f, 2f, 4f, 1f, -3f], width: 3, height: 2);

        Assert.Equal([0f, 0f, 0.5f, 1f, 0.25f, 0f], map.Values);
        Assert.Equal(0.25f, map[1, 1]);
    }

    [Fact]
    public void A_cam_without_positive_evidence_gives_an_empty_map()
    {
        var map = CamMap.FromCam([-1f, -0.5f, 0f, -2f], width: 2, height: 2);

        Assert.All(map.Values, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void A_plane_of_the_wrong_size_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => CamMap.FromCam([1f, 2f, 3f], width: 2, height: 2));
    }
}
