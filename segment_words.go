package newsdump

// starters are capitalised words that typically open an English sentence:
// after an abbreviation that can end a sentence ("Co.", "U.S."), one of
// them means it did.
var starters = map[string]bool{
	"A": true, "An": true, "The": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "Its": true, "He": true, "She": true, "They": true, "We": true, "I": true,
	"You": true, "His": true, "Her": true, "Their": true, "Our": true, "My": true, "Your": true,
	"There": true, "Here": true, "What": true, "When": true, "Where": true, "Why": true,
	"How": true, "Who": true, "Which": true, "If": true, "But": true, "And": true, "Or": true,
	"So": true, "Yet": true, "Then": true, "Now": true, "In": true, "On": true, "At": true,
	"As": true, "For": true, "From": true, "By": true, "With": true, "After": true,
	"Before": true, "While": true, "Although": true, "Though": true, "Since": true,
	"Because": true, "During": true, "Also": true, "However": true, "Meanwhile": true,
	"Still": true, "Some": true, "Many": true, "Most": true, "All": true, "Both": true,
	"Each": true, "Every": true, "No": true, "Not": true, "One": true, "Is": true, "Are": true,
	"Was": true, "Were": true, "Do": true, "Does": true, "Did": true, "Can": true, "Will": true,
	"Would": true, "Should": true, "Could": true, "Let": true, "Please": true, "Thus": true,
	"Yes": true, "Instead": true, "Other": true, "Such": true, "Last": true, "Next": true,
	"Earlier": true, "Later": true, "Today": true, "Yesterday": true, "Tomorrow": true,
}
