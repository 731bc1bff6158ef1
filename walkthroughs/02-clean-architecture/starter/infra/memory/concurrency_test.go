package memory_test

import (
	"context"
	"sync"
	"testing"

	"example.com/edgo/users/domain"
	"example.com/edgo/users/infra/memory"
)

// net/http serves each request on its own goroutine, so the repository is used
// from many at once. Run with -race (Check my work does), this catches a
// repository whose map is not guarded by its mutex.
func TestMemoryRepositoryConcurrentSaveAndFind(t *testing.T) {
	repo := memory.NewOrderRepository()
	ctx := context.Background()
	o := sampleOrder(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if err := repo.Save(ctx, o); err != nil {
				t.Errorf("Save: %v", err)
			}
		}()
		go func() {
			defer wg.Done()
			_, _ = repo.FindByID(ctx, domain.OrderID("o1"))
		}()
	}
	wg.Wait()
	if _, err := repo.FindByID(ctx, "o1"); err != nil {
		t.Errorf("FindByID(o1) after concurrent saves: %v", err)
	}
}
