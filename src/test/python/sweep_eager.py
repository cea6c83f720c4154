#!/usr/bin/env python3
"""PyTorch eager peer of Patch Explorer's patch-size sweep, for SweepPeerBenchmark (not a test).

Reuses the eager ViT of vit_tiny_eager.py and adds what one sweep cell does after the model input
is ready: the FlexiViT PI-resize of the patch-embedding kernel (pinv(W^T) K pinv(W^T)^T per plane,
W PyTorch's bicubic resize matrix, as core/resample/PiResize; cached per patch size, as ViTModel
caches it), the forward pass with every layer's attention, and the metrics that need attention:
normalised attention entropy and mean attention distance per layer, and the class token's
attention rollout (mean over heads, 0.5 A + 0.5 I, rows renormalised) with its 60 %-mass mask.

The Java harness writes each (image, patch) model input, already cropped, resized, cut into the
grid and normalised by our code, as float32 .npy files into a folder, with an index file
"inputs.txt" of lines "IMAGE PATCH MODEL_PATCH CELL_PIXELS FILE". Then, on stdin:

    run THREADS IMAGE   -> runs every patch of IMAGE, answers
                           "MS elapsed_ms COUNT" then COUNT lines "CELL patch top1 entropy distance kept"
                           (entropy and distance: means over layers; kept: cells in the 60 %-mass mask)
    quit

Needs only torch and numpy; the checkpoint is read with vit_tiny_eager's small safetensors reader.
"""
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vit_tiny_eager import EagerViT, set_threads  # noqa: E402

MASS = 0.6


def bicubic_matrix(n_in, n_out):
    """PyTorch's bicubic resize (align_corners=False, no antialias) of n_in samples to n_out, as a matrix."""
    basis = torch.eye(n_in, dtype=torch.float64).reshape(n_in, 1, 1, n_in)
    return F.interpolate(basis, size=(1, n_out), mode="bicubic", align_corners=False).reshape(n_in, n_out).T


def pi_resize(kernel, to):
    """FlexiViT's pseudo-inverse resize of a (dim, 3, p, p) kernel to (dim, 3, to, to), in float64."""
    p = kernel.shape[-1]
    if p == to:
        return kernel
    proj = torch.from_numpy(np.linalg.pinv(bicubic_matrix(p, to).T.numpy()))  # to x p
    return (proj @ kernel.double() @ proj.T).float()


class SweepCell:
    """One sweep pass from a ready model input: PI-resized kernel, forward, attention metrics."""

    def __init__(self, model):
        self.model = model
        self.native = model.w["patch_embed.proj.weight"]
        self.kernels = {}
        self.distances = {}

    def kernel(self, patch):
        if patch not in self.kernels:
            self.kernels[patch] = pi_resize(self.native, patch)
        return self.kernels[patch]

    def distance(self, gh, gw, cell):
        """The patch-to-patch distance matrix in pixels, float32, once per grid (as a sweep reuses it)."""
        if (gh, gw, cell) not in self.distances:
            self.distances[(gh, gw, cell)] = distance_matrix(gh, gw, cell)
        return self.distances[(gh, gw, cell)]

    def run(self, image, model_patch, cell_pixels):
        m = self.model
        m.w["patch_embed.proj.weight"] = self.kernel(model_patch)
        m.patch = model_patch
        try:
            logits, attn = m.forward(image)
        finally:
            m.w["patch_embed.proj.weight"] = self.native
            m.patch = self.native.shape[-1]
        gh, gw = image.shape[-2] // model_patch, image.shape[-1] // model_patch
        layers = torch.cat(attn)  # (L, H, N, N): every layer's metric in one op
        entropy = normalised_entropy(layers)
        distance = mean_distance(layers, gh * gw, self.distance(gh, gw, cell_pixels))
        roll = rollout(attn, image_prefix(attn, gh, gw))
        mask = top_mass(roll, MASS)
        return int(torch.argmax(logits[0])), entropy, distance, roll, mask


def normalised_entropy(layers):
    """Per layer: per head and query -sum a log a, averaged, divided by log N. Products in float32,
    sums in float64, as the Java code does (float attention, double accumulators)."""
    n = layers.shape[-1]
    h = -torch.xlogy(layers, layers).sum(-1, dtype=torch.float64)  # xlogy(0, 0) = 0
    return (h.mean((1, 2)) / np.log(n)).tolist()


def distance_matrix(gh, gw, cell):
    """cell x the Euclidean grid distance between every two patches, float32."""
    rows = torch.arange(gh * gw, dtype=torch.float64) // gw
    cols = torch.arange(gh * gw, dtype=torch.float64) % gw
    return (cell * torch.sqrt((rows[:, None] - rows[None]) ** 2 + (cols[:, None] - cols[None]) ** 2)).float()


def mean_distance(layers, patches, dist):
    """Per layer, Raghu et al.: patch queries and keys only, weights not renormalised, in pixels."""
    p = layers.shape[-1] - patches
    return (layers[:, :, p:, p:] * dist).sum(-1, dtype=torch.float64).mean((1, 2)).tolist()


def image_prefix(attn, gh, gw):
    """Tokens before the patches (class, registers, distillation)."""
    return attn[0].shape[-1] - gh * gw


def rollout(attn, prefix):
    """Class token's row of prod (0.5 mean_h A + 0.5 I), rows renormalised; patch columns. Carried as
    a vector: r (0.5 M + 0.5 I) / s = 0.5 (r / s) M + 0.5 (r / s), s the fused rows' sums."""
    n = attn[0].shape[-1]
    r = torch.zeros(n, dtype=torch.float64)
    r[0] = 1
    for a in reversed(attn):
        fused = a[0].double().mean(0)
        scaled = r / (0.5 * fused.sum(-1) + 0.5)
        r = 0.5 * (scaled @ fused) + 0.5 * scaled
    return r[prefix:]


def top_mass(v, fraction):
    """The largest entries holding `fraction` of the (non-negative) mass."""
    pos = torch.clamp(v, min=0)
    total = float(pos.sum())
    keep = torch.zeros(v.shape[0], dtype=torch.bool)
    if total <= 0:
        return keep
    order = torch.sort(v, descending=True, stable=True).indices
    before = torch.cumsum(pos[order], 0) - pos[order]
    keep[order[before < fraction * total]] = True
    return keep


def load_inputs(folder):
    """{image: [(patch, model_patch, cell_pixels, tensor)]} from the harness's index."""
    images = {}
    with open(os.path.join(folder, "inputs.txt")) as f:
        for line in f:
            name, patch, model_patch, cell, file = line.split()
            array = np.load(os.path.join(folder, file))
            images.setdefault(name, []).append((int(patch), int(model_patch), int(cell), torch.from_numpy(array)))
    return images


def serve(cell, images):
    threads = None
    print("READY", flush=True)
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        t, name = int(parts[1]), parts[2]
        if t != threads:
            set_threads(t)
            threads = t
        results = []
        t0 = time.perf_counter()
        for patch, model_patch, cell_px, image in images[name]:
            top1, entropy, distance, _, mask = cell.run(image, model_patch, cell_px)
            results.append((patch, top1, float(np.mean(entropy)), float(np.mean(distance)), int(mask.sum())))
        print("MS %.3f %d" % ((time.perf_counter() - t0) * 1000, len(results)), flush=True)
        for patch, top1, entropy, distance, kept in results:
            print("CELL %d %d %.9g %.9g %d" % (patch, top1, entropy, distance, kept), flush=True)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="../shared/models/vit_tiny_patch16_224.augreg_in21k_ft_in1k")
    ap.add_argument("--inputs", required=True, help="folder the harness wrote the model inputs into")
    a = ap.parse_args()
    torch.set_grad_enabled(False)
    model = EagerViT(a.model)
    images = load_inputs(a.inputs)
    print("INFO torch=%s images=%d" % (torch.__version__, len(images)), flush=True)
    return serve(SweepCell(model), images)


if __name__ == "__main__":
    sys.exit(main())
