//! Documents over the host's key-value storage: the storage contract and its limits
//! (`store`), and versioned, cached, indexed documents on top of it (`docstore`).

pub(crate) mod docstore;
pub(crate) mod store;
