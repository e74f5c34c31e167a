//! The one error type that crosses from server functions to the browser. It carries what the
//! user may see (which field is wrong and why) and never internal details, which are logged instead.

use leptos::prelude::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::codec::JsonEncoding;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The quarter, offer or page does not exist (HTTP 404).
    #[error("not found")]
    NotFound,
    /// A field of the input is wrong; `reason` is an i18n key naming why.
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: String },
    /// Something failed on the server; the detail is in the server log only.
    #[error("internal error")]
    Internal,
    /// The request itself failed (network, encoding) before reaching our code.
    #[error("request failed: {0}")]
    Request(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}
