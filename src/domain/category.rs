//! The closed vocabularies of the model: offer categories, audiences, statuses, organisation kinds.
//! Each value has a stable code used in the database, in URLs and as part of i18n keys.

use serde::{Deserialize, Serialize};

/// Defines an enum with a stable string code per variant, `code()`, `ALL` and `FromStr`.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::domain::category::UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err($crate::domain::category::UnknownCode(s.to_owned())),
                }
            }
        }
    };
}

/// A code that names no value of the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown code {0:?}")]
pub struct UnknownCode(pub String);

coded_enum! {
    /// What kind of offer it is.
    Category {
        Sport => "sport",
        Culture => "culture",
        Learning => "learning",
        Counselling => "counselling",
        Meeting => "meeting",
        Health => "health",
        Family => "family",
        Holiday => "holiday",
        Language => "language",
    }
}

coded_enum! {
    /// Who an offer is for, besides its age range.
    Audience {
        Children => "children",
        Youth => "youth",
        Parents => "parents",
        Families => "families",
    }
}

coded_enum! {
    /// Only published offers are shown to residents.
    OfferStatus {
        Draft => "draft",
        Published => "published",
        Archived => "archived",
    }
}

coded_enum! {
    /// What kind of actor runs offers.
    OrgKind {
        Club => "club",
        School => "school",
        DayCare => "daycare",
        Church => "church",
        Ngo => "ngo",
        Initiative => "initiative",
        City => "city",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code parses back to its value.
    #[test]
    fn codes_round_trip() {
        for c in Category::ALL {
            assert_eq!(c.code().parse::<Category>(), Ok(*c));
        }
        for k in OrgKind::ALL {
            assert_eq!(k.code().parse::<OrgKind>(), Ok(*k));
        }
        assert!("nonsense".parse::<Audience>().is_err());
    }
}
