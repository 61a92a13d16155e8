# Lists the entries of every layer of a docker save archive with Python's own tarfile (an implementation
# independent of dockaudit's), as JSON: [[{"path", "size", "type"}...], ...] in manifest order.
import json
import sys
import tarfile

with tarfile.open(sys.argv[1]) as outer:
    manifest = json.load(outer.extractfile("manifest.json"))
    layers = []
    for name in manifest[0]["Layers"]:
        entries = []
        with tarfile.open(fileobj=outer.extractfile(name), mode="r:*") as layer:
            for m in layer:
                path = m.name
                while path.startswith("./"):
                    path = path[2:]
                path = path.strip("/")
                if path in ("", "."):
                    continue
                kind = "dir" if m.isdir() else "file" if m.isreg() else "symlink" if m.issym() else "hardlink" if m.islnk() else "other"
                entries.append({"path": path, "size": m.size if m.isreg() else 0, "type": kind})
        layers.append(entries)
json.dump(layers, sys.stdout)
