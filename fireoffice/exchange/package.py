"""County package (.zip): manifest.json with SHA-256 of every file, JSON Lines per table, readable ledgers."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

FORMAT = "fireoffice-county-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1 << 20


class PackageError(Exception):
    """The package cannot be trusted or read; the message says why in plain words."""


class PackageWriter:
    """Add files (streamed, hashed on the way in), then close() writes manifest.json last."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.part = self.path.with_name(self.path.name + ".part")
        self.zip = zipfile.ZipFile(self.part, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self.files: dict[str, dict[str, Any]] = {}

    def add_lines(self, name: str, records: Iterable[dict]) -> int:
        digest, size, n = hashlib.sha256(), 0, 0
        with self.zip.open(name, "w", force_zip64=True) as out:
            buf: list[bytes] = []
            for rec in records:
                line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode() + b"\n"
                buf.append(line)
                n += 1
                if len(buf) >= 2000:
                    chunk = b"".join(buf)
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    buf.clear()
            chunk = b"".join(buf)
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
        self.files[name] = {"sha256": digest.hexdigest(), "size": size, "records": n}
        return n

    def add_file(self, name: str, source: Path) -> None:
        digest, size = hashlib.sha256(), 0
        with open(source, "rb") as src, self.zip.open(name, "w", force_zip64=True) as out:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
        self.files[name] = {"sha256": digest.hexdigest(), "size": size}

    def close(self, manifest: dict[str, Any]) -> Path:
        body = {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest, "files": self.files}
        self.zip.writestr(MANIFEST, json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True))
        self.zip.close()
        os.replace(self.part, self.path)
        return self.path

    def abort(self) -> None:
        self.zip.close()
        self.part.unlink(missing_ok=True)


class PackageReader:
    """Opens and verifies a package completely (every hash, nothing missing or extra) before anything is read."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise PackageError(f"找不到数据包：{self.path}") from None
        except (zipfile.BadZipFile, OSError, EOFError):
            raise PackageError(f"无法读取数据包 {self.path.name}：文件不完整（可能传输中断）或不是数据包。") from None
        try:
            self.manifest = json.loads(self.zip.read(MANIFEST))
        except KeyError:
            raise PackageError("数据包缺少 manifest.json，不是本系统导出的数据包。") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, UnicodeDecodeError):
            raise PackageError("数据包的 manifest.json 已损坏，无法读取。") from None
        if not isinstance(self.manifest, dict) or self.manifest.get("format") != FORMAT:
            raise PackageError("这不是本系统导出的县级数据包（格式标识不符）。")
        if self.manifest.get("format_version") != FORMAT_VERSION:
            raise PackageError(f"数据包格式版本为 {self.manifest.get('format_version')}，本系统只能读取版本 "
                               f"{FORMAT_VERSION}：请升级本系统或让该站用相同版本重新导出。")
        self.files: dict[str, dict[str, Any]] = self.manifest.get("files") or {}

    def check_names(self) -> None:
        """Every file the manifest lists is there, and nothing else (contents are checked by verify_file)."""
        names = set(self.zip.namelist()) - {MANIFEST}
        missing = sorted(set(self.files) - names)
        extra = sorted(names - set(self.files))
        if missing:
            raise PackageError(f"数据包不完整：缺少 {missing[0]}" + (f" 等 {len(missing)} 个文件" if len(missing) > 1 else ""))
        if extra:
            raise PackageError(f"数据包被改动过：多出清单中没有的文件 {extra[0]}")

    def verify_file(self, name: str) -> None:
        digest = hashlib.sha256()
        try:
            with self.zip.open(name) as f:
                while chunk := f.read(CHUNK):
                    digest.update(chunk)
        except (zipfile.BadZipFile, OSError, EOFError):
            raise PackageError(f"数据包已损坏：{name} 无法读取（文件不完整或被改动）。") from None
        if digest.hexdigest() != self.files[name].get("sha256"):
            raise PackageError(f"数据包被改动过：{name} 的校验值（SHA-256）与清单不符，已拒绝导入。")

    def verify(self) -> None:
        """Names and every file's SHA-256 (a complete check without importing)."""
        self.check_names()
        for name in sorted(self.files):
            self.verify_file(name)

    def records(self, name: str) -> Iterator[dict]:
        with self.zip.open(name) as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)

    def close(self) -> None:
        self.zip.close()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
