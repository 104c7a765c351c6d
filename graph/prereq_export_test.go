package graph

// Reach counts the concepts reachable from id through relations of any
// type, by a plain breadth-first search over the adjacency index: the
// baseline the learning-order benchmarks are measured against.
func (g *Graph) Reach(id string) int {
	seen := map[string]bool{id: true}
	queue := []string{id}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, v := range g.out[u] {
			if !seen[v] {
				seen[v] = true
				queue = append(queue, v)
			}
		}
	}
	return len(seen)
}

// ReachAll visits every concept and relation once, breadth-first over the
// adjacency index: the baseline of the whole-graph cycle benchmark.
func (g *Graph) ReachAll() int {
	seen := make(map[string]bool, len(g.concepts))
	edges := 0
	for id := range g.concepts {
		if seen[id] {
			continue
		}
		seen[id] = true
		queue := []string{id}
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			for _, v := range g.out[u] {
				edges++
				if !seen[v] {
					seen[v] = true
					queue = append(queue, v)
				}
			}
		}
	}
	return edges
}
