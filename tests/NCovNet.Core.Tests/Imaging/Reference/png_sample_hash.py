"""Independent reference for the PNG pixelSha256 convention (pure Python, zlib only).

SHA-256 of the stored 8-bit samples of a non-interlaced PNG, row-major, channels in file
order (GRAY; RGB; RGBA), after PNG filtering is undone. Usage: python3 png_sample_hash.py FILE...
"""
import hashlib
import struct
import sys
import zlib

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}


def stored_samples(path):
    data = open(path, 'rb').read()
    pos, idat = 8, b''
    while True:
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            width, height, depth, colour, _, _, interlace = struct.unpack('>IIBBBBB', body)
            assert depth == 8 and interlace == 0 and colour in CHANNELS, (depth, colour, interlace)
        elif kind == b'IDAT':
            idat += body
        elif kind == b'IEND':
            break
        pos += 12 + length
    bpp = CHANNELS[colour]
    stride = width * bpp
    raw = zlib.decompress(idat)
    prev, out = bytearray(stride), bytearray()
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
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
        out += line
        prev = line
    return bytes(out)


if __name__ == '__main__':
    for name in sys.argv[1:]:
        print(hashlib.sha256(stored_samples(name)).hexdigest(), name)
