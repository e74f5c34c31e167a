//! Overlaps in the same place: two occurrences at one place whose times overlap on the same date.

use super::PlanBlock;

/// Index pairs of blocks that overlap in the same place (each pair once, in order).
pub fn conflicts(blocks: &[PlanBlock]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, a) in blocks.iter().enumerate() {
        for (j, b) in blocks.iter().enumerate().skip(i + 1) {
            if a.place == b.place && a.date == b.date && a.start < b.end && b.start < a.end {
                out.push((i, j));
            }
        }
    }
    out
}

/// A lane per block so that blocks overlapping in time on one day sit side by side: the first
/// free lane among those already taken by earlier overlapping blocks.
pub fn lanes(blocks: &[PlanBlock]) -> Vec<usize> {
    let mut lanes = vec![0; blocks.len()];
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by_key(|&i| (blocks[i].date, blocks[i].start, blocks[i].end));
    for (k, &i) in order.iter().enumerate() {
        let b = &blocks[i];
        let taken: Vec<usize> = order[..k]
            .iter()
            .filter(|&&j| blocks[j].date == b.date && blocks[j].start < b.end && b.start < blocks[j].end)
            .map(|&j| lanes[j])
            .collect();
        lanes[i] = (0..).find(|l| !taken.contains(l)).unwrap_or(0);
    }
    lanes
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn block(place: &str, day: u32, start: u32, end: u32) -> PlanBlock {
        let date = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let t = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
        PlanBlock {
            offer: 1,
            title: "x".into(),
            schedule: 0,
            regular: date,
            date,
            start: t(start),
            end: t(end),
            place: place.into(),
            place_name: place.into(),
            editable: true,
            rule_editable: true,
        }
    }

    /// Same place, same day, overlapping times conflict; touching times and other places do not.
    #[test]
    fn overlaps_in_one_place() {
        let blocks = vec![
            block("a", 24, 15, 17),
            block("a", 24, 16, 18),
            block("a", 24, 17, 18),
            block("b", 24, 15, 17),
        ];
        assert_eq!(conflicts(&blocks), vec![(0, 1), (1, 2)]);
    }

    /// Overlapping blocks of a day get lanes side by side; a later free lane is reused.
    #[test]
    fn lanes_side_by_side() {
        let blocks = vec![
            block("a", 24, 15, 17),
            block("b", 24, 16, 18),
            block("c", 24, 17, 19),
            block("d", 25, 15, 17),
        ];
        assert_eq!(lanes(&blocks), vec![0, 1, 0, 0]);
    }
}
