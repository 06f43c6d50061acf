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


def test_the_raw_store_is_under_the_storage_url_and_an_empty_url_means_the_data_folder(tmp_path, monkeypatch):
    from engagement.config import load_settings

    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGAGEMENT_STORAGE_URL", "")  # as .env.example leaves it
    assert load_settings().raw_store.url() == (tmp_path / "data" / "raw").as_uri()
    monkeypatch.setenv("ENGAGEMENT_STORAGE_URL", (tmp_path / "shared").as_uri() + "/")
    assert load_settings().raw_store.url() == (tmp_path / "shared" / "raw").as_uri()
