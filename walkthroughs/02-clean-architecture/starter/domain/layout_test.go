package domain_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// Module 2 starts from module 1's service, whose code sits in the module's root
// package. The refactor is done when that package is empty (its code moved into
// the layers) and the User entity lives in the domain.
func TestModule1CodeMovedIntoLayers(t *testing.T) {
	root, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, name := range root {
		if !strings.HasSuffix(name, "_test.go") {
			left = append(left, filepath.Base(name))
		}
	}
	if len(left) > 0 {
		t.Errorf("the root package still holds %s: move User and its errors to domain/, the port to usecase/, the in-memory store to infra/memory/ and the handlers to interface/httpapi/ (step \"Move module 1 into the layers\")", strings.Join(left, ", "))
	}

	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		for _, d := range f.Decls {
			gen, ok := d.(*ast.GenDecl)
			if !ok || gen.Tok != token.TYPE {
				continue
			}
			for _, spec := range gen.Specs {
				if spec.(*ast.TypeSpec).Name.Name == "User" {
					return
				}
			}
		}
	}
	t.Errorf("domain/ declares no type User: module 1's User is an entity, so it moves into domain/ (for example domain/user.go)")
}
