"""Independent reference for PreprocessorGoldenTests (pure Python, no C# shared).

Decodes 8-bit gray PNGs with zlib, resizes bilinearly (pixel-centre alignment, edge clamp),
maps through OpenCV's JET table (rebuilt by emulating colormap.cpp in float32) or gray, and
normalises with ImageNet statistics. Prints per-channel means and a few sampled values.
Usage: python3 preprocess_reference.py ../../../../../shared/data
"""
import struct
import sys
import zlib


def f32(x):
    return struct.unpack('f', struct.pack('f', x))[0]


def round_half_even(v):
    lower = int(v // 1)
    frac = v - lower
    if frac != 0.5:
        return lower + (1 if frac > 0.5 else 0)
    return lower if lower % 2 == 0 else lower + 1


def opencv_jet():
    def ramp(rising, falling):
        return f32(min(1.0, max(0.0, min(rising, falling) / 255)))

    ctrl = [[ramp(4 * i - 382.5, 1147.5 - 4 * i), ramp(4 * i - 127.5, 892.5 - 4 * i), ramp(4 * i + 127.5, 637.5 - 4 * i)] for i in range(256)]
    step = f32(1.0 / 255.0)
    x = [f32(i * step) for i in range(256)]
    table = []
    for i in range(256):
        entry = []
        for c in range(3):
            y = [row[c] for row in ctrl]
            if i == 0:
                v = y[0]
            else:
                scaled = f32(f32(x[i] - x[i - 1]) * f32(y[i] - y[i - 1]))
                v = f32(y[i - 1] + f32(scaled / f32(x[i] - x[i - 1])))
            entry.append(min(255, max(0, round_half_even(f32(v * f32(255.0))))))
        table.append(entry)
    return table


def read_gray8_png(path):
    data = open(path, 'rb').read()
    pos, idat = 8, b''
    while True:
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and colour == 0 and interlace == 0, (depth, colour, interlace)
        elif kind == b'IDAT':
            idat += body
        elif kind == b'IEND':
            break
        pos += 12 + length
    raw = zlib.decompress(idat)
    rows, prev = [], [0] * width
    for y in range(height):
        kind = raw[y * (width + 1)]
        line = list(raw[y * (width + 1) + 1:(y + 1) * (width + 1)])
        for x in range(width):
            a = line[x - 1] if x else 0
            b = prev[x]
            c = prev[x - 1] if x else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, rows


def taps(source, output):
    scale = source / output
    result = []
    for i in range(output):
        position = max((i + 0.5) * scale - 0.5, 0.0)
        low = min(int(position), source - 1)
        result.append((low, min(low + 1, source - 1), position - low))
    return result


def preprocess(path, size, colour_map, order, mean, std, jet):
    width, height, rows = read_gray8_png(path)
    cols, lines = taps(width, size), taps(height, size)
    planes = [[0.0] * (size * size) for _ in range(3)]
    for y, (y0, y1, wy) in enumerate(lines):
        for x, (x0, x1, wx) in enumerate(cols):
            top = rows[y0][x0] + (rows[y0][x1] - rows[y0][x0]) * wx
            bottom = rows[y1][x0] + (rows[y1][x1] - rows[y1][x0]) * wx
            v = (top + (bottom - top) * wy)  # 0..255
            lower = min(int(v), 254)
            frac = v - lower
            for c in range(3):
                rgb = 2 - c if order == 'BGR' else c
                if colour_map == 'jet':
                    colour = jet[lower][rgb] + (jet[lower + 1][rgb] - jet[lower][rgb]) * frac
                else:
                    colour = v
                planes[c][y * size + x] = (colour / 255 - mean[c]) / std[c]
    return planes


def main(shared):
    jet = opencv_jet()
    imagenet = ([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])
    cases = [
        ('cxr-nih/images/nih__00002980_000.png', 224, 'jet', 'RGB'),
        ('cxr-nih/images/nih__00000415_001.png', 224, 'jet', 'RGB'),
        ('cxr/images/10.1016-slash-j.healun.2020.04.004.jpg', 224, 'jet', 'RGB'),
        ('cxr-nih/images/nih__00002980_000.png', 448, 'gray', 'BGR'),
    ]
    samples = [(0, 0, 0), (0, 100, 37), (1, 57, 190), (2, 111, 111), (1, 223, 223)]
    for name, size, colour_map, order in cases:
        mean, std = imagenet
        if order == 'BGR':
            mean, std = mean[::-1], std[::-1]
        planes = preprocess(f'{shared}/{name}', size, colour_map, order, mean, std, jet)
        means = [sum(p) / len(p) for p in planes]
        values = [planes[c][y * size + x] for c, y, x in samples]
        print(name, size, colour_map, order)
        print('  means', ', '.join(f'{m:.5f}f' for m in means))
        print('  samples', ', '.join(f'{v:.5f}f' for v in values))


if __name__ == '__main__':
    main(sys.argv[1])
