import FSQCore
