"""The decisions, one module per question, each rule beside its provision: who is covered and how
(eligibility), who orders and pays the interpreter (interpreter), whether the programme adviser
takes part (adviser), the deadlines as dates (deadlines), and the priority under limited capacity
(priority). Each decision carries its basis, how sure it is and, where a surface shows it, its words."""
