package demo

func init() { register(10, "permission slips", fillSlips) }

var demoSlips = []string{
	"I'm allowed to put work first on some days.",
	"I'm allowed to put my family first on some days.",
	"An imperfect choice doesn't make me an imperfect parent.",
	"I'm allowed to enjoy my work.",
	"One missed moment does not define us.",
	"Rest is part of doing both well.",
}

func fillSlips(g *Gen) error {
	for i, text := range demoSlips {
		if _, err := g.Store.AddSlip(text, i == 0); err != nil {
			return err
		}
	}
	return nil
}
