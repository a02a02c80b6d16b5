"""A type variable's bound is any subclass of it, the library's own too (a trap); a class an
installed annotation names is that class."""
from typing import Optional, Type

from fakecerts import Certificate, Extension, ExtensionTypeVar, KeyUsage


def get_extension(
    cert: Certificate, klass: Type[ExtensionTypeVar]
) -> Optional[Extension[ExtensionTypeVar]]:
    return cert.extension_for(klass)


def can_sign(cert: Certificate) -> bool:
    ext = get_extension(cert, KeyUsage)
    return ext is not None and "sign" in ext.value


def usages(cert: Certificate) -> list:
    ext = get_extension(cert, KeyUsage)
    return [usage for usage in ext.value] if ext else []


def digests(cert: Certificate) -> list:
    return [part for part in cert.fingerprint()]  # error: AGN208
