-- budgetspor schema 10 (issue 14): who did not take part in an agenda item, and the
-- party letter of a seat.
-- agenda_items.absences: the members at the meeting who did not take part in the item
-- (e.g. for inhabilitet), as "12,14:inhabil" (user ids, ":inhabil" when declared
-- disqualified); '' for none. Printed under the item's decision.
-- memberships.party: the party letter as the minutes print it ("Æ"), '' for none; on
-- the membership so earlier minutes keep the letter of their day.

ALTER TABLE agenda_items ADD COLUMN absences TEXT NOT NULL DEFAULT '';
ALTER TABLE memberships ADD COLUMN party TEXT NOT NULL DEFAULT '';
