#!/usr/bin/env python3
"""Golden outputs from real PyTorch for the engine's parity tests.

Run with Debian's python3-torch:  /usr/bin/python3 tools/golden/generate.py
Writes, for each case, cases/NAME.json (the case, in the schema `npm run parity` reads) and
expected/NAME.json (what PyTorch computes, in float32 and in float64), plus functional.json
(softmax / log_softmax of the article's logits, F.kl_div under each option). Stacked cases, K
separate PyTorch runs of one setup with their own initial state, batches and λ, go to
stacked/NAME.json ({"runs": [case, ...]}) and expected/NAME.json ({"runs": [golden, ...]}).

    /usr/bin/python3 tools/golden/generate.py --stacked-only
writes only the stacked cases.

    /usr/bin/python3 tools/golden/generate.py --time CASE.json [--steps N] [--runs K] [--threads T]
times the same step on this machine's CPU and prints one JSON object (for benchmark notes); with
--runs K, K copies stepped in turn and K copies stacked with bmm (what `npm run bench --runs K` does).
"""
import argparse
import copy
import json
import time
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent
STEPS = 12


def kl_reg_step(model, model_old, x, y, optimizer, lam, modes, kl, pitfalls=None, x_kl=None):
    """The article's training step, with its options made explicit. `pitfalls` reproduces two
    classic mistakes: no torch.no_grad() around the teacher, probabilities passed as F.kl_div's input.
    `x_kl` are other inputs to measure the KL on (replayed old-task inputs); the batch itself if None."""
    pitfalls = pitfalls or {}
    model.train(modes["model"] == "train")
    model_old.train(modes["model_old"] == "train")
    optimizer.zero_grad()
    outputs = model(x)
    loss_new = F.cross_entropy(outputs, y)
    kl_inputs = x if x_kl is None else x_kl
    outputs_kl = outputs if x_kl is None else model(x_kl)
    if pitfalls.get("teacher_no_grad", True):
        with torch.no_grad():
            logits_old = model_old(kl_inputs)
    else:
        logits_old = model_old(kl_inputs)
    # F.kl_div(input, target) is KL(target || exp(input)): the target is the reference.
    if kl["direction"] == "old||new":
        reference, approx = logits_old, outputs_kl
    else:
        reference, approx = outputs_kl, logits_old
    log_input = F.softmax(approx, dim=1) if pitfalls.get("probs_as_input") else F.log_softmax(approx, dim=1)
    target = F.log_softmax(reference, dim=1) if kl["log_target"] else F.softmax(reference, dim=1)
    kl_penalty = F.kl_div(log_input, target, reduction=kl["reduction"], log_target=kl["log_target"])
    total = loss_new + lam * kl_penalty
    total.backward()
    optimizer.step()
    return loss_new.item(), kl_penalty.item(), total.item()


def grad_norm(module):
    grads = [p.grad for p in module.parameters() if p.grad is not None]
    return torch.sqrt(sum((g.double() ** 2).sum() for g in grads)).item() if grads else 0.0


def build(layers):
    mods = []
    for spec in layers:
        t = spec["type"]
        if t == "linear":
            mods.append(nn.Linear(spec["in"], spec["out"]))
        elif t == "batchnorm1d":
            mods.append(nn.BatchNorm1d(spec["features"], momentum=spec.get("momentum", 0.1), eps=spec.get("eps", 1e-5)))
        elif t == "relu":
            mods.append(nn.ReLU())
        elif t == "dropout":
            mods.append(nn.Dropout(spec["p"]))
        else:
            raise ValueError(f"unknown layer type {t!r}")
    return nn.Sequential(*mods)


def make_optimizer(spec, params):
    if spec["type"] == "sgd":
        return torch.optim.SGD(params, lr=spec["lr"], momentum=spec.get("momentum", 0.0))
    return torch.optim.Adam(params, lr=spec.get("lr", 1e-3), betas=tuple(spec.get("betas", (0.9, 0.999))), eps=spec.get("eps", 1e-8))


def to_json(t):
    return t.tolist() if t.dim() > 0 else t.item()


def state_json(model):
    return {k: to_json(v) for k, v in model.state_dict().items()}


def load_state(model, state, dtype):
    tensors = {}
    for k, v in state.items():
        ref = model.state_dict()[k]
        tensors[k] = torch.tensor(v, dtype=ref.dtype if not ref.is_floating_point() else dtype)
    model.load_state_dict(tensors, strict=False)


class DropoutMasks:
    """Train-mode nn.Dropout draws a new mask per forward. The reference run records PyTorch's own
    masks (layer index -> one mask per step, rows as '0'/'1' strings); the other runs replay them,
    rows permuted like the batch, so that they differ from the reference only in rounding."""

    def __init__(self, recorded=None):
        self.recorded = recorded  # None: record
        self.masks = {}

    def attach(self, who, model, row_order):
        for name, module in model.named_children():
            if isinstance(module, nn.Dropout) and module.p > 0:
                if self.recorded is None:
                    self._record(module, self.masks.setdefault(who, {}).setdefault(name, []))
                elif name in self.recorded.get(who, {}):
                    self._replay(module, iter(self.recorded[who][name]), row_order)

    @staticmethod
    def _record(module, masks):
        probe = {}

        def before(m, inputs):
            if m.training:
                # F.dropout of ones is the mask times 1/(1-p); the real forward then draws the same.
                state = torch.get_rng_state()
                probe["scaled"] = F.dropout(torch.ones_like(inputs[0]), m.p, True)
                torch.set_rng_state(state)

        def after(m, inputs, output):
            if m.training:
                scaled = probe.pop("scaled")
                assert torch.equal(output, inputs[0] * scaled), "nn.Dropout drew another mask"
                masks.append(["".join("1" if v else "0" for v in row) for row in (scaled != 0).tolist()])

        module.register_forward_pre_hook(before)
        module.register_forward_hook(after)

    @staticmethod
    def _replay(module, masks, row_order):
        def after(m, inputs, output):
            if not m.training:
                return output
            mask = torch.tensor([[c == "1" for c in row] for row in next(masks)], dtype=inputs[0].dtype)
            if row_order is not None:
                mask = mask[row_order[: len(mask)]]
            return inputs[0] * (mask / (1 - m.p))

        module.register_forward_hook(after)


def run(case, dtype, row_order=None, dropout=None):
    """Runs the case; `row_order` permutes each batch's rows, which changes only float rounding.
    `dropout` records or replays train-mode dropout masks (see DropoutMasks)."""
    model = build(case["layers"]).to(dtype)
    load_state(model, case["state"], dtype)
    model_old = copy.deepcopy(model)
    dropout = dropout or DropoutMasks(case.get("dropout_masks"))
    dropout.attach("model", model, row_order)
    dropout.attach("model_old", model_old, row_order)
    optimizer = make_optimizer(case["optimizer"], model.parameters())
    steps = []
    for b in case["batches"]:
        x = torch.tensor(b["x"], dtype=dtype)
        y = torch.tensor(b["y"], dtype=torch.long)
        x_kl = torch.tensor(b["kl_x"], dtype=dtype) if "kl_x" in b else None
        if row_order is not None:
            perm = row_order[: len(y)]
            x, y = x[perm], y[perm]
            x_kl = None if x_kl is None else x_kl[row_order[: len(x_kl)]]
        loss_new, kl_penalty, total = kl_reg_step(model, model_old, x, y, optimizer, case["lambda"], case["modes"], case["kl"], case.get("pitfalls"), x_kl)
        step = {"loss_new": loss_new, "kl_penalty": kl_penalty, "total_loss": total}
        if "pitfalls" in case:
            step["model_old_grad_norm"] = grad_norm(model_old)
        steps.append(step)
    return {"steps": steps, "state": state_json(model), "old_state": state_json(model_old)}


def rounding_noise(reference, others):
    """Per entry, the largest distance from the float32 result to runs that differ from it only in
    rounding (float64; rows in another order). Where it is large the entry is rounding noise
    amplified by training (e.g. a Linear bias before BatchNorm, whose true gradient is 0, under Adam),
    and a port can only be expected to agree within a multiple of it."""
    def spread(ref, alts):
        if isinstance(ref, list):
            return [spread(r, [a[i] for a in alts]) for i, r in enumerate(ref)]
        return max(abs(ref - a) for a in alts)
    return {
        "steps": [{k: spread(s[k], [o["steps"][i][k] for o in others]) for k in s} for i, s in enumerate(reference["steps"])],
        "state": {k: spread(v, [o["state"][k] for o in others]) for k, v in reference["state"].items()},
        "old_state": {k: spread(v, [o["old_state"][k] for o in others]) for k, v in reference["old_state"].items()},
    }


def bn_net(p=0.0, hidden=16):
    return [
        {"type": "linear", "in": 2, "out": hidden},
        {"type": "batchnorm1d", "features": hidden, "momentum": 0.1, "eps": 1e-5},
        {"type": "relu"},
        {"type": "dropout", "p": p},
        {"type": "linear", "in": hidden, "out": 3},
    ]


def plain_net(hidden=16):
    return [
        {"type": "linear", "in": 2, "out": hidden},
        {"type": "relu"},
        {"type": "linear", "in": hidden, "out": hidden},
        {"type": "relu"},
        {"type": "linear", "in": hidden, "out": 3},
    ]


def lab_net(p, hidden=16):
    """The lab's network (two BatchNorm and two Dropout layers), narrower."""
    return [
        {"type": "linear", "in": 2, "out": hidden},
        {"type": "batchnorm1d", "features": hidden, "momentum": 0.1, "eps": 1e-5},
        {"type": "relu"},
        {"type": "dropout", "p": p},
        {"type": "linear", "in": hidden, "out": hidden},
        {"type": "batchnorm1d", "features": hidden, "momentum": 0.1, "eps": 1e-5},
        {"type": "relu"},
        {"type": "dropout", "p": p},
        {"type": "linear", "in": hidden, "out": 3},
    ]


ADAM = {"type": "adam", "lr": 0.01, "betas": [0.9, 0.999], "eps": 1e-8}
SGD_MOMENTUM = {"type": "sgd", "lr": 0.1, "momentum": 0.9}
SGD_PLAIN = {"type": "sgd", "lr": 0.2, "momentum": 0.0}
ARTICLE_KL = {"reduction": "batchmean", "log_target": False, "direction": "old||new"}
TRAIN_EVAL = {"model": "train", "model_old": "eval"}

CASES = {
    # name: (layers, modes, lambda, kl, optimizer, batch size, seed)
    "article_adam": (bn_net(), TRAIN_EVAL, 0.5, ARTICLE_KL, ADAM, 16, 1),
    "sgd_momentum": (bn_net(), TRAIN_EVAL, 0.5, ARTICLE_KL, SGD_MOMENTUM, 16, 2),
    "old_train_mode": (bn_net(), {"model": "train", "model_old": "train"}, 1.0, ARTICLE_KL, ADAM, 16, 3),
    "model_eval_dropout": (bn_net(p=0.5), {"model": "eval", "model_old": "eval"}, 2.0, ARTICLE_KL, ADAM, 16, 4),
    "model_eval_old_train": (bn_net(), {"model": "eval", "model_old": "train"}, 1.0, ARTICLE_KL, SGD_MOMENTUM, 12, 5),
    "reduction_sum": (bn_net(), TRAIN_EVAL, 0.3, {**ARTICLE_KL, "reduction": "sum"}, SGD_MOMENTUM, 16, 6),
    "reduction_mean": (bn_net(), TRAIN_EVAL, 3.0, {**ARTICLE_KL, "reduction": "mean"}, ADAM, 16, 7),
    "log_target": (bn_net(), TRAIN_EVAL, 1.0, {**ARTICLE_KL, "log_target": True}, ADAM, 16, 8),
    "direction_new_old": (bn_net(), TRAIN_EVAL, 1.0, {**ARTICLE_KL, "direction": "new||old"}, ADAM, 16, 9),
    "direction_new_old_log_target": (bn_net(), TRAIN_EVAL, 2.0, {"reduction": "batchmean", "log_target": True, "direction": "new||old"}, SGD_MOMENTUM, 16, 10),
    "plain_sgd": (plain_net(), TRAIN_EVAL, 1.0, ARTICLE_KL, SGD_PLAIN, 8, 11),
    "plain_adam_sum_new_old": (plain_net(), TRAIN_EVAL, 0.2, {"reduction": "sum", "log_target": False, "direction": "new||old"}, ADAM, 8, 12),
    "lambda_zero": (bn_net(), TRAIN_EVAL, 0.0, ARTICLE_KL, ADAM, 16, 13),
    "pitfall_teacher_no_grad": (bn_net(), TRAIN_EVAL, 1.0, ARTICLE_KL, SGD_MOMENTUM, 16, 14, {"teacher_no_grad": False}),
    "pitfall_probs_as_input": (plain_net(), TRAIN_EVAL, 1.0, ARTICLE_KL, SGD_PLAIN, 16, 15, {"probs_as_input": True}),
    # Train-mode dropout, the lab's default; the engine replays the masks PyTorch drew. Plain SGD
    # makes each parameter's change lr times its summed gradients, so those are checked as well.
    "dropout_train": (bn_net(p=0.5), TRAIN_EVAL, 1.0, ARTICLE_KL, SGD_PLAIN, 16, 16),
    "dropout_train_both": (bn_net(p=0.25), {"model": "train", "model_old": "train"}, 0.5, ARTICLE_KL, ADAM, 16, 17),
    # The KL measured on replayed old-task inputs: the model runs twice per step (its BatchNorm
    # statistics move twice), model_old once, on the replayed inputs only.
    "replay_adam": (bn_net(), TRAIN_EVAL, 1.0, ARTICLE_KL, ADAM, 16, 18, None, True),
    "replay_sgd_old_train_new_old": (bn_net(), {"model": "train", "model_old": "train"}, 2.0, {**ARTICLE_KL, "direction": "new||old"}, SGD_MOMENTUM, 12, 19, None, True),
}

STACKED_CASES = {
    # name: (layers, modes, lambdas, kl, optimizer, batch size, seeds): one PyTorch run per λ, each
    # from its own seed (initial state and batches), as a stacked λ sweep trains them.
    "stacked_lab_adam": (lab_net(0.0), TRAIN_EVAL, [0.0, 0.3, 1.0, 10.0], ARTICLE_KL, ADAM, 16, [31, 32, 33, 34]),
    "stacked_dropout_sgd_sum": (lab_net(0.25), {"model": "train", "model_old": "train"}, [0.05, 0.3, 1.0], {**ARTICLE_KL, "reduction": "sum"}, SGD_MOMENTUM, 16, [41, 42, 43]),
    "stacked_new_old_log_target_mean": (lab_net(0.0), TRAIN_EVAL, [0.5, 2.0], {"reduction": "mean", "log_target": True, "direction": "new||old"}, ADAM, 12, [51, 52]),
}


def make_case(layers, modes, lam, kl, optimizer, batch, seed, pitfalls=None, replay=False):
    torch.manual_seed(seed)
    model = build(layers)
    # Non-default BatchNorm state, so that loading the state dict is actually tested.
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm1d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.3, 0.3)
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
    batches = []
    for _ in range(STEPS):
        # Fine-tuning data away from the origin, so the new task pulls the model somewhere else.
        x = torch.randn(batch, 2) * 1.5 + torch.tensor([1.0, -0.5])
        y = torch.randint(0, 3, (batch,))
        batches.append({"x": x.tolist(), "y": y.tolist()})
        if replay:
            # Old-task inputs: another region of the plane than the fine-tuning data.
            batches[-1]["kl_x"] = (torch.randn(batch, 2) * 1.2 + torch.tensor([-1.0, 0.5])).tolist()
    state = {k: to_json(v) for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    case = {"layers": layers, "state": state, "modes": modes, "lambda": lam, "kl": kl,
            "optimizer": optimizer, "batches": batches, "backend": "cpu"}
    if pitfalls:
        case["pitfalls"] = pitfalls
    return case


def nan_as_none(t):
    """JSON has no NaN: where PyTorch's gradient is NaN the golden says null."""
    return [[None if v != v else v for v in row] for row in t.tolist()]


def kl_div_target_grads(inp, tgt_logits, log_target):
    """Gradients of F.kl_div with respect to its target (reduction 'sum') and, through softmax or
    log_softmax, to the logits the target is made of (reduction 'batchmean'; direction new||old)."""
    logits = tgt_logits.clone().requires_grad_(True)
    made = F.log_softmax(logits, dim=1) if log_target else F.softmax(logits, dim=1)
    F.kl_div(inp, made, reduction="batchmean", log_target=log_target).backward()
    target = made.detach().clone().requires_grad_(True)
    F.kl_div(inp, target, reduction="sum", log_target=log_target).backward()
    return {"target_logits": tgt_logits.tolist(), "target_grad": nan_as_none(target.grad),
            "target_logits_grad": nan_as_none(logits.grad)}


def functional():
    logits = torch.tensor([[1.0, 3.0, 0.5, 2.0], [0.1, -1.0, 2.0, 0.5], [-2.0, -1.0, -0.5, -3.0]])
    probs = F.softmax(logits, dim=1)
    log_probs = F.log_softmax(logits, dim=1)
    other = torch.tensor([[0.5, 1.0, -1.0, 0.0], [2.0, 0.0, 0.0, -2.0], [-1.0, -1.0, 1.0, 3.0]])
    # A target whose probabilities underflow to exactly 0 in float32.
    extreme = torch.tensor([[0.0, 200.0, -200.0, 1.0], [5.0, -150.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0]])
    examples = []
    for name, inp_logits, tgt_logits in [("article_vs_other", logits, other), ("underflowing_target", logits, extreme)]:
        inp = F.log_softmax(inp_logits, dim=1)
        for log_target in (False, True):
            tgt = F.log_softmax(tgt_logits, dim=1) if log_target else F.softmax(tgt_logits, dim=1)
            values = {r: to_json(F.kl_div(inp, tgt, reduction=r, log_target=log_target)) for r in ("none", "sum", "mean", "batchmean")}
            examples.append({"name": name, "input": inp.tolist(), "target": tgt.tolist(), "log_target": log_target, "values": values,
                             **kl_div_target_grads(inp, tgt_logits, log_target)})
    return {
        "logits": logits.tolist(),
        "softmax": probs.tolist(),
        "log_softmax": log_probs.tolist(),
        "softmax_row_sums": probs.sum(dim=1).tolist(),
        "kl_div": examples,
        "torch_version": torch.__version__,
    }


def write(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, indent=1) + "\n")


def time_case(case_path, steps):
    case = json.loads(Path(case_path).read_text())
    torch.manual_seed(0)
    model = build(case["layers"])
    load_state(model, case["state"], torch.float32)
    model_old = copy.deepcopy(model)
    optimizer = make_optimizer(case["optimizer"], model.parameters())
    batches = [(torch.tensor(b["x"]), torch.tensor(b["y"])) for b in case["batches"]]
    for i in range(10):  # warm-up
        x, y = batches[i % len(batches)]
        kl_reg_step(model, model_old, x, y, optimizer, case["lambda"], case["modes"], case["kl"])
    start = time.perf_counter()
    for i in range(steps):
        x, y = batches[i % len(batches)]
        kl_reg_step(model, model_old, x, y, optimizer, case["lambda"], case["modes"], case["kl"])
    elapsed = time.perf_counter() - start
    print(json.dumps({"case": case_path, "steps": steps, "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "steps_per_s": steps / elapsed, "ms_per_step": 1000 * elapsed / steps}))


def golden(case):
    """PyTorch's float32 run of `case` (recording its dropout masks into the case), and the spread
    of its reruns that differ only in rounding: (case, expected)."""
    recorder = DropoutMasks()
    f32 = run(case, torch.float32, dropout=recorder)
    masks = {who: {k: v for k, v in layers.items() if v} for who, layers in recorder.masks.items()}
    masks = {who: layers for who, layers in masks.items() if layers}
    if masks:
        case["dropout_masks"] = masks
    f64 = run(case, torch.float64)
    batch = len(case["batches"][0]["y"])
    permuted = []
    for seed in range(8):
        g = torch.Generator().manual_seed(100 + seed)
        permuted.append(run(case, torch.float32, torch.randperm(batch, generator=g)))
    expected = {"torch_version": torch.__version__, "float32": f32, "float64": f64,
                "rounding_noise": rounding_noise(f32, [f64, *permuted])}
    return case, expected


class StackedNet(nn.Module):
    """K copies of a case's network as one, by hand with bmm (torch.func's vmap does the same):
    weights [K, out, in], BatchNorm statistics per run over each run's own batch (dim 1)."""

    def __init__(self, layers, models):
        super().__init__()
        self.layers = layers
        self.params = nn.ParameterDict()
        self.buffers_ = {}
        for i, spec in enumerate(layers):
            if spec["type"] in ("linear", "batchnorm1d"):
                for name in ("weight", "bias"):
                    self.params[f"{i}_{name}"] = nn.Parameter(torch.stack([getattr(m[i], name).detach() for m in models]))
            if spec["type"] == "batchnorm1d":
                for name in ("running_mean", "running_var"):
                    self.buffers_[f"{i}_{name}"] = torch.stack([getattr(m[i], name) for m in models])

    def forward(self, x):
        for i, spec in enumerate(self.layers):
            t = spec["type"]
            if t == "linear":
                x = torch.baddbmm(self.params[f"{i}_bias"].unsqueeze(1), x, self.params[f"{i}_weight"].transpose(1, 2))
            elif t == "batchnorm1d":
                mean_, var_ = self.buffers_[f"{i}_running_mean"], self.buffers_[f"{i}_running_var"]
                if self.training:
                    mean, var = x.mean(1, keepdim=True), x.var(1, unbiased=False, keepdim=True)
                    n = x.shape[1]
                    with torch.no_grad():
                        mean_.mul_(0.9).add_(0.1 * mean.squeeze(1))
                        var_.mul_(0.9).add_(0.1 * var.squeeze(1) * n / (n - 1))
                else:
                    mean, var = mean_.unsqueeze(1), var_.unsqueeze(1)
                x = (x - mean) / torch.sqrt(var + spec.get("eps", 1e-5)) * self.params[f"{i}_weight"].unsqueeze(1) + self.params[f"{i}_bias"].unsqueeze(1)
            elif t == "relu":
                x = torch.relu(x)
            elif t == "dropout":
                x = F.dropout(x, spec["p"], self.training)
        return x


def stacked_kl_reg_step(model, model_old, x, y, optimizer, lam, modes, kl):
    """kl_reg_step for StackedNet: x [K, B, F], y [K, B], lam [K]; each run's total, summed."""
    model.train(modes["model"] == "train")
    model_old.train(modes["model_old"] == "train")
    optimizer.zero_grad()
    outputs = model(x)
    k, b, c = outputs.shape
    loss_new = F.cross_entropy(outputs.reshape(k * b, c), y.reshape(-1), reduction="none").view(k, b).mean(1)
    with torch.no_grad():
        logits_old = model_old(x)
    reference, approx = (logits_old, outputs) if kl["direction"] == "old||new" else (outputs, logits_old)
    target = F.log_softmax(reference, dim=2) if kl["log_target"] else F.softmax(reference, dim=2)
    pointwise = F.kl_div(F.log_softmax(approx, dim=2), target, reduction="none", log_target=kl["log_target"])
    kl_penalty = {"sum": pointwise.sum((1, 2)), "mean": pointwise.mean((1, 2)), "batchmean": pointwise.sum((1, 2)) / b}[kl["reduction"]]
    total = loss_new + lam * kl_penalty
    total.sum().backward()
    optimizer.step()
    return total


def time_runs(case_path, steps, runs):
    """run-steps per second of `runs` copies of the case: stepped in turn, and stacked with bmm."""
    case = json.loads(Path(case_path).read_text())
    batches = [(torch.tensor(b["x"]), torch.tensor(b["y"])) for b in case["batches"]]
    models = []
    for _ in range(runs):
        model = build(case["layers"])
        load_state(model, case["state"], torch.float32)
        models.append(model)
    copies = [(m, copy.deepcopy(m), make_optimizer(case["optimizer"], m.parameters())) for m in models]

    def in_turn(i):
        x, y = batches[i % len(batches)]
        for model, model_old, optimizer in copies:
            kl_reg_step(model, model_old, x, y, optimizer, case["lambda"], case["modes"], case["kl"])

    stacked, stacked_old = StackedNet(case["layers"], models), StackedNet(case["layers"], models)
    optimizer = make_optimizer(case["optimizer"], stacked.parameters())
    lam = torch.full((runs,), float(case["lambda"]))
    xs = [(x.expand(runs, *x.shape).contiguous(), y.expand(runs, *y.shape).contiguous()) for x, y in batches]

    def together(i):
        x, y = xs[i % len(xs)]
        stacked_kl_reg_step(stacked, stacked_old, x, y, optimizer, lam, case["modes"], case["kl"]).tolist()

    figures = {}
    for name, step in (("in_turn", in_turn), ("bmm", together)):
        for i in range(10):  # warm-up
            step(i)
        start = time.perf_counter()
        for i in range(steps):
            step(i)
        figures[name] = runs * steps / (time.perf_counter() - start)
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--time", metavar="CASE.json")
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--stacked-only", action="store_true")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    if args.time and args.runs:
        figures = time_runs(args.time, args.steps, args.runs)
        print(json.dumps({"case": args.time, "steps": args.steps, "runs": args.runs, "torch": torch.__version__,
                          "threads": torch.get_num_threads(), "run_steps_per_s": figures}))
        return
    if args.time:
        time_case(args.time, args.steps)
        return
    for name, (layers, modes, lambdas, kl, optimizer, batch, seeds) in STACKED_CASES.items():
        runs = [golden(make_case(layers, modes, lam, kl, optimizer, batch, seed)) for lam, seed in zip(lambdas, seeds)]
        write(HERE / "stacked" / f"{name}.json", {"runs": [case for case, _ in runs]})
        write(HERE / "expected" / f"{name}.json", {"runs": [expected for _, expected in runs]})
    if args.stacked_only:
        return
    for name, spec in CASES.items():
        case, expected = golden(make_case(*spec))
        write(HERE / "cases" / f"{name}.json", case)
        write(HERE / "expected" / f"{name}.json", expected)
    write(HERE / "functional.json", functional())


if __name__ == "__main__":
    main()
