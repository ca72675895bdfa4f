#!/usr/bin/env python3
"""Writes runway-render-core/src/main/resources/dev/runway/render/funcs/numeric-zone-abbreviations.txt (without its
header): prints, for each time zone whose tzdata abbreviations are numeric ("+14", "-03", "+0545") from some instant on,
the zone id and that instant (Unix seconds; "-" when always numeric). Reads the TZif files (RFC 8536) of the
system's tzdata, the files Go reads.  Usage: numeric-zone-abbreviations.py [/usr/share/zoneinfo]"""
import os, re, struct, sys

NUMERIC = re.compile(r'^[+-]\d{2}(\d{2}){0,2}$')

def as_offset(seconds):
    """zic's %z: sign, hours, and minutes and seconds only when not zero ("+14", "+0545", "-0930")."""
    sign, s = ('-', -seconds) if seconds < 0 else ('+', seconds)
    text = '%s%02d' % (sign, s // 3600)
    if s % 3600:
        text += '%02d' % (s % 3600 // 60)
        if s % 60:
            text += '%02d' % (s % 60)
    return text

def parse(data):
    if data[:4] != b'TZif':
        return None
    def counts(at):
        return struct.unpack('>6l', data[at + 20:at + 44])
    isut, isstd, leap, timecnt, typecnt, charcnt = counts(0)
    if data[4] < ord('2'):
        return None
    p = 44 + timecnt * 5 + typecnt * 6 + charcnt + leap * 8 + isstd + isut
    isut, isstd, leap, timecnt, typecnt, charcnt = counts(p)
    p += 44
    times = struct.unpack('>%dq' % timecnt, data[p:p + timecnt * 8]); p += timecnt * 8
    idx = data[p:p + timecnt]; p += timecnt
    types = [struct.unpack('>lbB', data[p + i * 6:p + i * 6 + 6]) for i in range(typecnt)]; p += typecnt * 6
    chars = data[p:p + charcnt]; p += charcnt + leap * 12 + isstd + isut
    names = [chars[a:chars.index(b'\0', a)].decode() for (_, _, a) in types]
    # A name counts only when it is the offset written out: "-00" (no local time) is not derivable.
    derivable = [n == as_offset(off) for n, (off, _, _) in zip(names, types)]
    footer = data[p:].strip(b'\n').decode()
    return times, idx, names, derivable, footer

def footer_names(tz):
    return re.findall(r'<([^>]*)>|([A-Za-z]{3,})', tz)

def main(root):
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ('posix', 'right'))
        for f in sorted(files):
            path = os.path.join(dirpath, f)
            zone = os.path.relpath(path, root)
            if os.path.islink(path) and zone in ('localtime',):
                continue
            with open(path, 'rb') as fh:
                parsed = parse(fh.read())
            if parsed is None:
                continue
            times, idx, names, derivable, footer = parsed
            if not footer or not all(NUMERIC.match(a or b) and (a or b) != '-00' for a, b in footer_names(footer)):
                continue
            since = None
            i = len(times) - 1
            while i >= 0 and derivable[idx[i]]:
                since = times[i]
                i -= 1
            if i < 0 and derivable[0]:
                since = None  # numeric from the start
            elif since is None:
                continue  # the last transition's name is not numeric (cannot happen with a numeric footer)
            print(zone, '-' if since is None else since)

main(sys.argv[1] if len(sys.argv) > 1 else '/usr/share/zoneinfo')
