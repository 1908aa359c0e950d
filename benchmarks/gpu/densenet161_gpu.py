"""DenseNet-161 at 448x448 on a CUDA host: the model packages for `ncovnet bench` and PyTorch eager timings.

Writes, under --out:
  fp32/  model.onnx + model.json  (float32 graph, our ONNX contract: image -> logits, features, cam)
  fp16/  model.onnx + model.json  (float16 graph with float32 inputs and outputs, via Cast nodes)
  images/  synthetic 8-bit gray PNG radiograph stand-ins for the bench verb (no patient data travels)
and prints PyTorch eager timings (batch 1 latency, batch 64 throughput) as text and one JSON line.

Weights are random (torchvision densenet161, no download); batch-norm statistics are calibrated on
random input first so that activations stay in float16 range. Timing does not depend on the weights.
"""

import argparse
import copy
import hashlib
import json
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

SIZE = 448
CLASSES = ["covid", "other_pneumonia"]


class CamDenseNet(nn.Module):
    """torchvision DenseNet-161 with the serving contract's outputs: logits, features = relu(norm5), cam."""

    def __init__(self):
        super().__init__()
        import torchvision

        net = torchvision.models.densenet161(weights=None)
        self.features = net.features
        self.classifier = nn.Linear(net.classifier.in_features, len(CLASSES))

    def forward(self, image):
        features = F.relu(self.features(image))
        logits = self.classifier(torch.flatten(F.adaptive_avg_pool2d(features, 1), 1))
        height, width = int(features.shape[-2]), int(features.shape[-1])  # static: 448 / 32
        weight = self.classifier.weight[:, :, None, None] / (height * width)
        cam = F.conv2d(features, weight)
        return logits, features, cam


class Float16Graph(nn.Module):
    """Runs the model in float16 behind float32 inputs and outputs (the engine's I/O contract)."""

    def __init__(self, model):
        super().__init__()
        self.model = model.half()

    def forward(self, image):
        return tuple(output.float() for output in self.model(image.half()))


def calibrate_batch_norm(model, device):
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.reset_running_stats()
            module.momentum = None
    model.train()
    with torch.no_grad():
        for _ in range(4):
            model(torch.randn(8, 3, SIZE, SIZE, device=device))
    model.eval()


def export(model, folder, weight_storage, device):
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "model.onnx")
    example = torch.randn(1, 3, SIZE, SIZE, device=device)
    names = dict(input_names=["image"], output_names=["logits", "features", "cam"])
    axes = {"image": {0: "batch"}, "logits": {0: "batch"}, "features": {0: "batch"}, "cam": {0: "batch"}}
    with torch.no_grad():
        try:
            torch.onnx.export(model, (example,), path, opset_version=17, dynamic_axes=axes, dynamo=False, **names)
            exporter = "torchscript"
        except Exception as legacy_failure:  # the legacy exporter may be gone in this torch
            print(f"legacy exporter failed ({legacy_failure!r}); using dynamo", flush=True)
            torch.onnx.export(model, (example,), path, opset_version=18, dynamic_axes=axes, dynamo=True,
                              external_data=False, **names)
            exporter = "dynamo"
    with open(path, "rb") as onnx_file:
        sha256 = hashlib.sha256(onnx_file.read()).hexdigest()
    manifest = {
        "schemaVersion": 1,
        "name": f"densenet161-random-{weight_storage}",
        "version": "bench",
        "architecture": "densenet161",
        "preprocessing": {
            "width": SIZE, "height": SIZE, "colorMap": "jet", "channelOrder": "RGB",
            "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225], "resize": "bilinear",
        },
        "classes": CLASSES,
        "positiveClass": "covid",
        "decisionThreshold": 0.5,
        "io": {"input": "image", "logits": "logits", "features": "features", "cam": "cam"},
        "training": {
            "data": "none (random weights, batch norm calibrated on random input)",
            "licence": "n/a",
            "command": "python3 benchmarks/gpu/densenet161_gpu.py",
            "notes": f"GPU benchmark package only; exported with the {exporter} exporter; never for diagnosis.",
        },
        "metrics": {},
        "onnxSha256": sha256,
        "weightStorage": weight_storage,
    }
    with open(os.path.join(folder, "model.json"), "w") as manifest_file:
        json.dump(manifest, manifest_file, indent=2)
        manifest_file.write("\n")
    print(f"exported {path} ({os.path.getsize(path) / 1e6:.1f} MB, {exporter}), sha256 {sha256}", flush=True)


def write_images(folder, count):
    from PIL import Image

    os.makedirs(folder, exist_ok=True)
    generator = torch.Generator().manual_seed(0)
    ys, xs = torch.meshgrid(torch.linspace(-1, 1, 1024), torch.linspace(-1, 1, 1024), indexing="ij")
    for index in range(count):
        lungs = torch.exp(-((xs.abs() - 0.4) ** 2 / 0.08 + ys**2 / 0.5))
        noise = torch.rand(1024, 1024, generator=generator) * 0.15
        pixels = ((0.2 + 0.6 * lungs + noise).clamp(0, 1) * 255).to(torch.uint8).numpy()
        Image.fromarray(pixels).save(os.path.join(folder, f"synthetic-{index:03d}.png"))


def time_eager(model, batch, device, channels_last=False, dtype=torch.float32, host_input=False, iterations=None):
    iterations = iterations or (50 if batch == 1 else 10)
    memory_format = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(device=device, dtype=dtype, memory_format=memory_format)
    host = torch.randn(batch, 3, SIZE, SIZE).to(dtype=dtype).pin_memory()
    resident = host.to(device).contiguous(memory_format=memory_format)

    def step():
        image = host.to(device, non_blocking=True) if host_input else resident
        return model(image.contiguous(memory_format=memory_format))

    with torch.inference_mode():
        for _ in range(5):
            step()
        torch.cuda.synchronize()
        start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
        start.record()
        for _ in range(iterations):
            step()
        end.record()
        torch.cuda.synchronize()
    ms = start.elapsed_time(end) / iterations
    return {"batch": batch, "msPerRun": ms, "imagesPerSecond": 1000 * batch / ms}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--images", type=int, default=64)
    parser.add_argument("--timings-only", action="store_true", help="skip writing the packages and images")
    arguments = parser.parse_args()

    device = torch.device("cuda")
    print(f"torch {torch.__version__}, {torch.cuda.get_device_name(0)}, cuDNN {torch.backends.cudnn.version()}", flush=True)
    torch.manual_seed(0)
    model = CamDenseNet().to(device)
    calibrate_batch_norm(model, device)

    if not arguments.timings_only:
        started = time.time()
        export(model, os.path.join(arguments.out, "fp32"), "float32", device)
        export(Float16Graph(copy.deepcopy(model)), os.path.join(arguments.out, "fp16"), "float16", device)
        write_images(os.path.join(arguments.out, "images"), arguments.images)
        print(f"packages and images written in {time.time() - started:.1f} s", flush=True)

    results = {}
    torch.backends.cudnn.benchmark = False
    results["fp32 default"] = [time_eager(model, b, device) for b in (1, 64)]
    torch.backends.cudnn.benchmark = True
    results["fp32 cudnn.benchmark"] = [time_eager(model, b, device) for b in (1, 64)]
    results["fp32 cudnn.benchmark, input copied from pinned host"] = [time_eager(model, 64, device, host_input=True)]
    half = copy.deepcopy(model)
    results["fp16 (.half())"] = [time_eager(half, b, device, dtype=torch.float16) for b in (1, 64)]
    results["fp16 (.half()) channels_last"] = [
        time_eager(half, b, device, dtype=torch.float16, channels_last=True) for b in (1, 64)]
    for name, rows in results.items():
        for row in rows:
            print(f"pytorch eager {name:52s} batch {row['batch']:3d}: {row['msPerRun']:8.2f} ms/run "
                  f"{row['imagesPerSecond']:8.1f} img/s", flush=True)
    print("PYTORCH_JSON " + json.dumps(results), flush=True)


if __name__ == "__main__":
    main()
