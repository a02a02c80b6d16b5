from .blobs import BlobStore, store

__all__ = ["BlobStore", "store"]
