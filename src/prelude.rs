//! What the standard prelude would give a `std` crate, from `alloc`: the
//! crate is `no_std` in the npm package's wasm (see lib.rs).

#[allow(unused_imports)]
pub(crate) use alloc::{
    borrow::ToOwned,
    boxed::Box,
    format,
    string::{String, ToString},
    vec,
    vec::Vec,
};

#[allow(unused_imports)]
pub(crate) use crate::decimal::decimal;
