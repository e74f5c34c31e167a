//! Pure domain types and rules shared by the server and the browser: no Leptos, no sqlx.

pub mod age;
pub mod audit;
pub mod board;
#[macro_use]
pub mod category;
pub mod coverage;
pub mod directory;
pub mod document;
pub mod exchange;
pub mod filter;
pub mod form;
pub mod freshness;
pub mod holidays;
pub mod kiosk;
pub mod legal;
pub mod offer;
pub mod offer_csv;
pub mod offer_form;
pub mod organisation;
pub mod organisation_form;
pub mod place;
pub mod place_form;
pub mod plan;
pub mod policy;
pub mod print;
pub mod quarter;
pub mod quarter_form;
pub mod schedule;
pub mod short_link;
pub mod shortlist;
pub mod slug;
pub mod spreadsheet;
pub mod staff;
pub mod staff_offer;
pub mod time_text;
pub mod week_plan;
