//! Building blocks shared by the pages.

pub mod age_text;
pub mod board_cards;
pub mod filter_form;
pub mod filter_live;
pub mod filter_texts;
pub mod isolated;
pub mod language_switcher;
pub mod occurrence_text;
pub mod offer_card;
pub mod page_frame;
pub mod print_button;
pub mod rich_text;
pub mod schedule_text;
pub mod share_button;
pub mod untranslated;
