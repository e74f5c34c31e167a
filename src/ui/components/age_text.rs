//! An age range in words ("6–10 Jahre", "ab 14 Jahren", "alle Altersgruppen").

use crate::domain::age::AgeRange;
use crate::i18n::*;

/// The age range as a sentence fragment in the page language.
pub fn age_text(ages: AgeRange) -> String {
    let i18n = use_i18n();
    match (ages.min, ages.max) {
        (Some(min), Some(max)) => t_string!(i18n, ages.range, min = min, max = max).to_string(),
        (Some(min), None) => t_string!(i18n, ages.from, min = min).to_string(),
        (None, Some(max)) => t_string!(i18n, ages.up_to, max = max).to_string(),
        (None, None) => t_string!(i18n, ages.all).to_string(),
    }
}
