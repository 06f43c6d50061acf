"""The shared storage URL: paths, atomic writes and listings on a local folder."""

from engagement.storage import Storage


def test_local_storage_writes_atomically_and_lists(tmp_path):
    storage = Storage.from_url(tmp_path.as_uri())
    storage.write_bytes(b"first", "staging", "2025-11-17", "part.parquet")
    storage.write_bytes(b"second", "staging", "2025-11-17", "part.parquet")
    assert storage.read_bytes("staging", "2025-11-17", "part.parquet") == b"second"
    assert [p.rsplit("/", 1)[1] for p in storage.list("staging", "2025-11-17")] == ["part.parquet"]
    assert storage.url("staging") == (tmp_path / "staging").as_uri()
    assert storage.list("missing") == []
    storage.remove_tree("staging")
    assert not storage.exists("staging")


def test_child_storage_is_rooted_below_its_parent(tmp_path):
    staging = Storage.from_url(str(tmp_path)).child("staging")
    staging.write_bytes(b"x", "a.txt")
    assert (tmp_path / "staging" / "a.txt").read_bytes() == b"x"
