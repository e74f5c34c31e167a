//! The one error type that crosses from server functions to the browser. It carries what the
//! user may see (which field is wrong and why) and never internal details, which are logged instead.

use crate::domain::schedule::validate::FieldIssue;
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
    /// Several fields of a form are wrong (HTTP 422); each reason is an i18n key.
    #[error("invalid form")]
    Fields(Vec<FieldIssue>),
    /// Signing in is needed first (HTTP 401).
    #[error("not signed in")]
    Unauthorized,
    /// The signed-in person may not do this (HTTP 403).
    #[error("forbidden")]
    Forbidden,
    /// The record changed since the editor opened it (HTTP 409).
    #[error("changed meanwhile")]
    Conflict,
    /// Too many attempts; try again later (HTTP 429).
    #[error("too many attempts")]
    RateLimited,
    /// The database cannot take writes right now (disk full, read-only, locked too long):
    /// nothing was changed; reading still works (HTTP 503).
    #[error("storage unavailable")]
    Unavailable,
    /// Something failed on the server; the detail is in the server log only.
    #[error("internal error")]
    Internal,
    /// The request itself failed (network, encoding) before reaching our code.
    #[error("request failed: {0}")]
    Request(String),
}

impl AppError {
    /// The HTTP status a response carrying this error gets.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Invalid { .. } | AppError::Request(_) => 400,
            AppError::Fields(_) => 422,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Conflict => 409,
            AppError::RateLimited => 429,
            AppError::Unavailable => 503,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}
