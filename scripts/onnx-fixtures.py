#!/usr/bin/python3
"""Builds the ONNX fixtures of nax with PyTorch (dev script, not run by CI).

Needs Debian's PyTorch and ONNX:  apt-get install -y python3-torch python3-onnx
Run from the repository root:     /usr/bin/python3 scripts/onnx-fixtures.py

Writes (all small, committed):
  fixtures/onnx/reference/<name>.onnx + <name>.json   small models and PyTorch's own logits for a few inputs
      resnet-bn           residual CNN with BatchNorm, exported in eval mode (PyTorch folds BN into Conv);
                          stride-2 conv with padding 1 (explicit pads), Add, GlobalAveragePool, Flatten, Gemm
      resnet-bn-unfolded  the same network exported with TrainingMode.PRESERVE: BatchNormalization nodes stay
      mlp-gemm            Flatten, Gemm, ReLU, Clip(0, 6) (ReLU6), Dropout, Gemm
      pool-flatten        Conv, MaxPool, Conv, AveragePool, Flatten of a 2×2 map (NCHW order), Gemm
      flatten-bn1d        Conv, Flatten of a 4×4 map, BatchNorm1d on the flat features (kept as an affine op), Gemm
      matmul-add          MatMul + Add (bias) built with onnx.helper (PyTorch exports Linear as Gemm)
    JSON: {"inputShape": [C, H, W], "inputs": [[...NCHW flat...], ...], "logits": [[...], ...]}
  fixtures/onnx/bad/*.onnx      malformed models for the error tests (see bad_models)
  fixtures/onnx/model.onnx      a small residual CNN trained for two epochs on 10,000 Fashion-MNIST images
  fixtures/onnx/data/eval-{images,labels}.npy   300 Fashion-MNIST test images, NHWC uint8, and labels
    from the Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)
  fixtures/onnx/data/torch-predictions.json     PyTorch's predicted class for each of those images
Everything is seeded; PyTorch's CPU kernels make the weights reproducible on one machine, not bit-exact
across machines (the tests compare against the logits saved beside each model, so that does not matter).
"""
import gzip
import io
import json
import os

import numpy as np
import onnx
import torch
from onnx import TensorProto, helper, numpy_helper
from torch import nn

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures', 'onnx')
OPSET = 13


def export(model, shape, mode=torch.onnx.TrainingMode.EVAL):
    f = io.BytesIO()
    torch.onnx.export(model, torch.zeros(1, *shape), f, opset_version=OPSET, training=mode,
                      input_names=['input'], output_names=['logits'],
                      dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}})
    return f.getvalue()


def save_reference(name, onnx_bytes, model, shape, n=4):
    os.makedirs(os.path.join(ROOT, 'reference'), exist_ok=True)
    onnx.checker.check_model(onnx.load_from_string(onnx_bytes))
    gen = torch.Generator().manual_seed(7)
    x = torch.randn(n, *shape, generator=gen)
    with torch.no_grad():
        y = model(x)
    with open(os.path.join(ROOT, 'reference', name + '.onnx'), 'wb') as f:
        f.write(onnx_bytes)
    doc = {'inputShape': list(shape),
           'inputs': [[float(v) for v in row] for row in x.reshape(n, -1).numpy()],
           'logits': [[float(v) for v in row] for row in y.numpy()]}
    with open(os.path.join(ROOT, 'reference', name + '.json'), 'w') as f:
        json.dump(doc, f)


def randomise_bn(model, seed):
    """Non-trivial running statistics and affine parameters, so a wrong fold shows."""
    g = torch.Generator().manual_seed(seed)
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            c = m.num_features
            m.weight.data = torch.rand(c, generator=g) + 0.5
            m.bias.data = torch.randn(c, generator=g) * 0.3
            m.running_mean.data = torch.randn(c, generator=g) * 0.3
            m.running_var.data = torch.rand(c, generator=g) + 0.5


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.short = None if stride == 1 and cin == cout else nn.Sequential(
            nn.Conv2d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return torch.relu(y + (x if self.short is None else self.short(x)))


class ResNet(nn.Module):
    def __init__(self, cin=3, width=8, classes=10):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(cin, width, 3, 1, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU())
        self.block1 = Block(width, width, 1)
        self.block2 = Block(width, 2 * width, 2)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(2 * width, classes)

    def forward(self, x):
        x = self.block2(self.block1(self.stem(x)))
        return self.fc(torch.flatten(self.pool(x), 1))


def reference_models():
    torch.manual_seed(1)
    resnet = ResNet().eval()
    randomise_bn(resnet, 2)
    shape = (3, 10, 10)
    save_reference('resnet-bn', export(resnet, shape), resnet, shape)
    save_reference('resnet-bn-unfolded', export(resnet, shape, torch.onnx.TrainingMode.PRESERVE), resnet, shape)

    torch.manual_seed(3)
    mlp = nn.Sequential(nn.Flatten(), nn.Linear(2 * 6 * 6, 32), nn.ReLU(), nn.Linear(32, 24), nn.ReLU6(),
                        nn.Dropout(0.5), nn.Linear(24, 5)).eval()
    save_reference('mlp-gemm', export(mlp, (2, 6, 6)), mlp, (2, 6, 6))

    torch.manual_seed(4)
    pool = nn.Sequential(nn.Conv2d(2, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(6, 5, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
                         nn.Linear(5 * 2 * 2, 7)).eval()
    save_reference('pool-flatten', export(pool, (2, 9, 9)), pool, (2, 9, 9))

    torch.manual_seed(6)
    bn1d = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.BatchNorm1d(48),
                         nn.Linear(48, 4)).eval()
    g = torch.Generator().manual_seed(8)
    bn1d[3].weight.data = torch.rand(48, generator=g) + 0.5
    bn1d[3].bias.data = torch.randn(48, generator=g)
    bn1d[3].running_mean.data = torch.randn(48, generator=g)
    bn1d[3].running_var.data = torch.rand(48, generator=g) + 0.5
    save_reference('flatten-bn1d', export(bn1d, (2, 4, 4)), bn1d, (2, 4, 4))

    torch.manual_seed(5)
    lin1, lin2 = nn.Linear(12, 9), nn.Linear(9, 4)
    ref = nn.Sequential(nn.Flatten(), lin1, nn.ReLU(), lin2).eval()
    w = lambda t, n: numpy_helper.from_array(t.detach().numpy().astype(np.float32), n)
    graph = helper.make_graph(
        [helper.make_node('Flatten', ['input'], ['flat'], name='flatten', axis=1),
         helper.make_node('MatMul', ['flat', 'w1'], ['mm1'], name='fc1'),
         helper.make_node('Add', ['mm1', 'b1'], ['a1'], name='fc1_bias'),
         helper.make_node('Relu', ['a1'], ['r1'], name='relu1'),
         helper.make_node('MatMul', ['r1', 'w2'], ['mm2'], name='fc2'),
         helper.make_node('Add', ['b2', 'mm2'], ['logits'], name='fc2_bias')],
        'matmul_add',
        [helper.make_tensor_value_info('input', TensorProto.FLOAT, ['batch', 3, 2, 2])],
        [helper.make_tensor_value_info('logits', TensorProto.FLOAT, ['batch', 4])],
        [w(lin1.weight.T, 'w1'), w(lin1.bias, 'b1'), w(lin2.weight.T, 'w2'), w(lin2.bias, 'b2')])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 17)])
    save_reference('matmul-add', model.SerializeToString(), ref, (3, 2, 2))


def tiny_graph(nodes, inits, out_dims=(3,)):
    graph = helper.make_graph(
        nodes, 'bad',
        [helper.make_tensor_value_info('input', TensorProto.FLOAT, [1, 2, 4, 4])],
        [helper.make_tensor_value_info('logits', TensorProto.FLOAT, [1, *out_dims])], inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)])


def bad_models():
    """Each file breaks exactly one rule; test/model/onnx-errors.test.ts expects the node it names."""
    out = os.path.join(ROOT, 'bad')
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(0)
    w = rng.standard_normal((3, 32)).astype(np.float32)
    flat = helper.make_node('Flatten', ['input'], ['flat'], name='flatten')
    gemm = lambda weight: helper.make_node('Gemm', ['flat', weight, 'b'], ['logits'], name='classifier', transB=1)
    b = numpy_helper.from_array(np.zeros(3, np.float32), 'b')

    good = tiny_graph([flat, gemm('w')], [numpy_helper.from_array(w, 'w'), b])
    data = good.SerializeToString()
    with open(os.path.join(out, 'good.onnx'), 'wb') as f:
        f.write(data)

    nan = w.copy()
    nan[1, 5] = np.nan
    m = tiny_graph([flat, gemm('w')], [numpy_helper.from_array(nan, 'w'), b])
    with open(os.path.join(out, 'nan-weight.onnx'), 'wb') as f:
        f.write(m.SerializeToString())

    # Declared dims 3×32 but raw_data for 3×31 values.
    t = numpy_helper.from_array(w, 'w')
    t.raw_data = w[:, :31].tobytes()
    m = tiny_graph([flat, gemm('w')], [t, b])
    with open(os.path.join(out, 'initializer-size.onnx'), 'wb') as f:
        f.write(m.SerializeToString())

    # Consistent initializer, but the Gemm's weight does not fit the 32 flattened inputs.
    m = tiny_graph([flat, gemm('w')], [numpy_helper.from_array(rng.standard_normal((3, 30)).astype(np.float32), 'w'), b])
    with open(os.path.join(out, 'initializer-shape.onnx'), 'wb') as f:
        f.write(m.SerializeToString())

    m = tiny_graph([flat, helper.make_node('Gelu', ['flat'], ['g'], name='act', domain=''), gemm('w')],
                   [numpy_helper.from_array(w, 'w'), b])
    m.graph.node[2].input[0] = 'g'
    with open(os.path.join(out, 'unknown-op.onnx'), 'wb') as f:
        f.write(m.SerializeToString())

    t = numpy_helper.from_array(w, 'w')
    t.ClearField('raw_data')
    t.data_location = TensorProto.EXTERNAL
    for k, v in (('location', '../../outside.bin'), ('offset', '0'), ('length', str(w.nbytes))):
        e = t.external_data.add()
        e.key, e.value = k, v
    m = tiny_graph([flat, gemm('w')], [t, b])
    with open(os.path.join(out, 'external-escape.onnx'), 'wb') as f:
        f.write(m.SerializeToString())

    # External data inside the folder (allowed): the weights in weights.bin after a 16-byte header.
    t = numpy_helper.from_array(w, 'w')
    t.ClearField('raw_data')
    t.data_location = TensorProto.EXTERNAL
    for k, v in (('location', 'external-ok.bin'), ('offset', '16'), ('length', str(w.nbytes))):
        e = t.external_data.add()
        e.key, e.value = k, v
    m = tiny_graph([flat, gemm('w')], [t, b])
    with open(os.path.join(out, 'external-ok.onnx'), 'wb') as f:
        f.write(m.SerializeToString())
    with open(os.path.join(out, 'external-ok.bin'), 'wb') as f:
        f.write(bytes(16) + w.tobytes())

    with open(os.path.join(out, 'truncated.onnx'), 'wb') as f:
        f.write(data[: len(data) * 2 // 3])


def read_idx(path):
    with gzip.open(path, 'rb') as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], 'big') for i in range(ndim)]
    return np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim).reshape(dims)


def save_npy(path, array):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    np.save(path, array)


class FashionNet(nn.Module):
    """Conv-BN-ReLU stem, one residual block, a stride-2 block with 1×1 shortcut, max pool, GAP, linear."""

    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 8, 3, 1, 1, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.block1 = Block(8, 8, 1)
        self.block2 = Block(8, 16, 2)
        self.pool = nn.MaxPool2d(2)
        self.conv = nn.Sequential(nn.Conv2d(16, 32, 3, 1, 1), nn.ReLU())
        self.gap = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(32, 10)

    def forward(self, x):
        x = self.conv(self.pool(self.block2(self.block1(self.stem(x)))))
        return self.fc(torch.flatten(self.gap(x), 1))


def fashion_fixture():
    src = '/usr/share/datasets/fashion-mnist'
    train_x = read_idx(os.path.join(src, 'train-images-idx3-ubyte.gz'))[:10000]
    train_y = read_idx(os.path.join(src, 'train-labels-idx1-ubyte.gz'))[:10000]
    test_x = read_idx(os.path.join(src, 't10k-images-idx3-ubyte.gz'))[:300]
    test_y = read_idx(os.path.join(src, 't10k-labels-idx1-ubyte.gz'))[:300]
    torch.manual_seed(11)
    net = FashionNet()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)
    x = torch.tensor(train_x, dtype=torch.float32).unsqueeze(1) / 255
    y = torch.tensor(train_y, dtype=torch.long)
    net.train()
    for epoch in range(2):
        order = torch.randperm(len(x))
        for i in range(0, len(x), 64):
            idx = order[i:i + 64]
            opt.zero_grad()
            loss = nn.functional.cross_entropy(net(x[idx]), y[idx])
            loss.backward()
            opt.step()
    net.eval()
    os.makedirs(os.path.join(ROOT, 'data'), exist_ok=True)
    tx = torch.tensor(test_x, dtype=torch.float32).unsqueeze(1) / 255
    with torch.no_grad():
        pred = net(tx).argmax(1).numpy()
    acc = (pred == test_y).mean()
    print(f'fashion fixture: float accuracy on the 300 eval images {acc * 100:.2f} %')
    # PyTorch's own class per eval image: nax's ideal (float) accuracy must agree on every prefix.
    with open(os.path.join(ROOT, 'data', 'torch-predictions.json'), 'w') as f:
        json.dump({'accuracy': float(acc), 'predictions': [int(p) for p in pred]}, f)
    with open(os.path.join(ROOT, 'model.onnx'), 'wb') as f:
        f.write(export(net, (1, 28, 28)))
    # NHWC, as every nax evaluation set: [N, 28, 28, 1].
    os.makedirs(os.path.join(ROOT, 'data'), exist_ok=True)
    save_npy(os.path.join(ROOT, 'data', 'eval-images.npy'), np.ascontiguousarray(test_x[..., None]))
    save_npy(os.path.join(ROOT, 'data', 'eval-labels.npy'), test_y.astype(np.int32))


if __name__ == '__main__':
    reference_models()
    bad_models()
    fashion_fixture()
