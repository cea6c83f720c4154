#!/usr/bin/env python3
"""PyTorch eager peer of Patch Explorer's Java ViT, for the benchmark harness (not a test).

Our own ViT written with plain torch ops (no timm), loading a timm checkpoint folder
(config.json + model.safetensors). It first checks itself against the golden tensors
(logits and attention), then times the forward pass that returns every layer's attention,
at 197 tokens (224 px, grid 14 x 14) and 785 tokens (448 px, grid 28 x 28, position
embedding resampled), for each requested thread count, and prints one line per case:

    RESULT impl=pytorch threads=1 tokens=197 runs=20 median_ms=... p25_ms=... p75_ms=... min_ms=...

With --serve it instead times one pass per request on stdin, for the Java harness to alternate
its own passes with these (see VitPeerBenchmark).

Needs only torch and numpy (Debian: python3-torch python3-numpy); installs nothing.
"""
import argparse
import ctypes
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64}
HEADS = {"tiny": 3, "small": 6, "base": 12, "large": 16}


def read_safetensors(path):
    """The safetensors format: 8-byte little-endian header length, a JSON header, raw tensor data."""
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, t in header.items():
        if name == "__metadata__":
            continue
        begin, end = t["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=DTYPES[t["dtype"]]).reshape(t["shape"])
        tensors[name] = torch.from_numpy(array.astype(np.float32))
    return tensors


class EagerViT:
    def __init__(self, folder):
        with open(os.path.join(folder, "config.json")) as f:
            config = json.load(f)
        self.w = read_safetensors(os.path.join(folder, "model.safetensors"))
        args = config.get("model_args", {})
        arch = config["architecture"]
        self.heads = args.get("num_heads") or next(h for k, h in HEADS.items() if "_" + k + "_" in arch + "_")
        self.dim = self.w["cls_token"].shape[-1]
        self.patch = self.w["patch_embed.proj.weight"].shape[-1]
        self.depth = 1 + max(int(k.split(".")[1]) for k in self.w if k.startswith("blocks."))
        self.native_grid = int(math.isqrt(self.w["pos_embed"].shape[1] - 1))
        self.pos_cache = {}

    def pos_embed(self, gh, gw):
        """Grid part resized bicubically (align_corners=False, no antialias), class entry kept."""
        if (gh, gw) not in self.pos_cache:
            pos = self.w["pos_embed"]
            if (gh, gw) != (self.native_grid, self.native_grid):
                n = self.native_grid
                grid = pos[:, 1:].reshape(1, n, n, self.dim).permute(0, 3, 1, 2)
                grid = F.interpolate(grid, size=(gh, gw), mode="bicubic", align_corners=False)
                pos = torch.cat([pos[:, :1], grid.permute(0, 2, 3, 1).reshape(1, gh * gw, self.dim)], dim=1)
            self.pos_cache[(gh, gw)] = pos
        return self.pos_cache[(gh, gw)]

    def forward(self, image):
        """Logits and a list of every layer's attention probabilities (1, heads, N, N)."""
        w = self.w
        x = F.conv2d(image, w["patch_embed.proj.weight"], w["patch_embed.proj.bias"], stride=self.patch)
        gh, gw = x.shape[-2:]
        x = x.flatten(2).transpose(1, 2)
        x = torch.cat([w["cls_token"].expand(x.shape[0], -1, -1), x], dim=1) + self.pos_embed(gh, gw)
        b, n, d = x.shape
        hd = d // self.heads
        scale = hd ** -0.5
        attentions = []
        for i in range(self.depth):
            p = "blocks.%d." % i
            h = F.layer_norm(x, (d,), w[p + "norm1.weight"], w[p + "norm1.bias"], eps=1e-6)
            qkv = F.linear(h, w[p + "attn.qkv.weight"], w[p + "attn.qkv.bias"])
            q, k, v = qkv.reshape(b, n, 3, self.heads, hd).permute(2, 0, 3, 1, 4)
            attn = ((q * scale) @ k.transpose(-2, -1)).softmax(dim=-1)
            attentions.append(attn)
            o = (attn @ v).transpose(1, 2).reshape(b, n, d)
            x = x + F.linear(o, w[p + "attn.proj.weight"], w[p + "attn.proj.bias"])
            h = F.layer_norm(x, (d,), w[p + "norm2.weight"], w[p + "norm2.bias"], eps=1e-6)
            h = F.linear(F.gelu(F.linear(h, w[p + "mlp.fc1.weight"], w[p + "mlp.fc1.bias"])),
                         w[p + "mlp.fc2.weight"], w[p + "mlp.fc2.bias"])
            x = x + h
        x = F.layer_norm(x, (d,), w["norm.weight"], w["norm.bias"], eps=1e-6)
        return F.linear(x[:, 0], w["head.weight"], w["head.bias"]), attentions


def check_parity(model, golden_dir):
    """Our eager model must reproduce the golden tensors before its timings mean anything."""
    g = np.load(os.path.join(golden_dir, "vit_tiny_p16_chelsea.npz"))
    logits, attn = model.forward(torch.from_numpy(g["input"]))
    err_logits = float(np.abs(logits.numpy() - g["logits"]).max())
    err_attn = float(np.abs(torch.cat(attn).numpy() - g["attention"]).max())
    g448 = np.load(os.path.join(golden_dir, "vit_tiny_p16_448_chelsea.npz"))
    logits448, attn448 = model.forward(torch.from_numpy(g448["input"]))
    cls448 = torch.cat([a[:, :, 0, :] for a in attn448]).numpy()
    err448 = max(float(np.abs(logits448.numpy() - g448["logits"]).max()), float(np.abs(cls448 - g448["cls_attention"]).max()))
    ok = err_logits < 1e-4 and err_attn < 1e-5 and err448 < 1e-4
    print("PARITY ok=%s logits_max_err=%.2e attention_max_err=%.2e p16_448_max_err=%.2e"
          % (ok, err_logits, err_attn, err448), flush=True)
    return ok


def set_threads(n):
    """torch's intra-op threads, and OpenBLAS's own pool when torch runs on Debian's OpenBLAS."""
    torch.set_num_threads(n)
    try:
        ctypes.CDLL("libblas.so.3").openblas_set_num_threads(n)
    except (OSError, AttributeError):
        pass  # the reference BLAS has no threads of its own


def time_case(model, size, runs, warmup=3):
    gen = torch.Generator().manual_seed(size)
    image = torch.randn(1, 3, size, size, generator=gen)
    ms = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        logits, attn = model.forward(image)
        elapsed = (time.perf_counter() - t0) * 1000
        if i >= warmup:
            ms.append(elapsed)
    return np.array(ms)


def serve(model):
    """Paired timing for the Java harness: each line "run THREADS SIZE" times one forward pass and
    answers "MS elapsed", so the two implementations alternate under the same machine load."""
    inputs = {}
    threads = None
    print("READY", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        t, size = int(parts[1]), int(parts[2])
        if t != threads:
            set_threads(t)
            threads = t
        if size not in inputs:
            inputs[size] = torch.randn(1, 3, size, size, generator=torch.Generator().manual_seed(size))
        t0 = time.perf_counter()
        model.forward(inputs[size])
        print("MS %.3f" % ((time.perf_counter() - t0) * 1000), flush=True)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k")
    ap.add_argument("--golden", default="../shared/golden")
    ap.add_argument("--threads", default="1,2", help="comma-separated thread counts")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--sizes", default="224,448", help="input sizes (224 -> 197 tokens, 448 -> 785)")
    ap.add_argument("--serve", action="store_true", help="answer timing requests on stdin (used by VitPeerBenchmark)")
    a = ap.parse_args()
    torch.set_grad_enabled(False)
    model = EagerViT(a.model)
    if os.path.isdir(a.golden) and not check_parity(model, a.golden):
        print("eager model does not match the golden tensors; timings withheld", file=sys.stderr)
        return 1
    print("INFO torch=%s interop_threads=%d" % (torch.__version__, torch.get_num_interop_threads()), flush=True)
    if a.serve:
        return serve(model)
    for threads in [int(t) for t in a.threads.split(",")]:
        set_threads(threads)
        for size in [int(s) for s in a.sizes.split(",")]:
            ms = time_case(model, size, a.runs)
            tokens = 1 + (size // model.patch) ** 2
            print("RESULT impl=pytorch threads=%d tokens=%d runs=%d median_ms=%.2f p25_ms=%.2f p75_ms=%.2f min_ms=%.2f"
                  % (threads, tokens, a.runs, np.median(ms), np.percentile(ms, 25), np.percentile(ms, 75), ms.min()),
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
