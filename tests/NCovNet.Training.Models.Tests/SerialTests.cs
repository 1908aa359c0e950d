// Nearly every test here seeds libtorch's one process-wide generator and then draws weights from
// it; run in parallel, another class's draws land between a seed and its use, and a test gets
// a different random model than it was written for (seen: a Grad-CAM head whose map for one
// class is all zero). The assembly takes about 15 s, so it simply runs its tests one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
